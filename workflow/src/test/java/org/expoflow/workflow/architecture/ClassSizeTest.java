package org.expoflow.workflow.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Each feature in its room, one thing to a class: a class of the main code past {@value #MOST_LINES} lines has been
 * holding more than one responsibility, and is split by them, under domain names, before it grows further.
 */
class ClassSizeTest {

    static final int MOST_LINES = 400;

    @Test
    void noClassOfTheMainCodeIsLongerThanItsLimit() throws IOException {
        // the tests run in their module's directory; its parent holds every module
        Path modules = Path.of("").toAbsolutePath().getParent();
        List<Path> classes;
        try (Stream<Path> module = Files.list(modules)) {
            classes = module.map(dir -> dir.resolve("src/main/java")).filter(Files::isDirectory)
                    .flatMap(ClassSizeTest::javaFiles).toList();
        }
        assertThat(classes).as("the main code of every module").isNotEmpty();
        assertThat(classes.stream().filter(file -> lines(file) > MOST_LINES)
                .map(file -> modules.relativize(file) + " (" + lines(file) + " lines)"))
                .as("classes of the main code longer than " + MOST_LINES + " lines").isEmpty();
    }

    private static Stream<Path> javaFiles(Path sources) {
        try (Stream<Path> files = Files.walk(sources)) {
            return files.filter(file -> file.toString().endsWith(".java")).toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long lines(Path file) {
        try (Stream<String> lines = Files.lines(file)) {
            return lines.count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
