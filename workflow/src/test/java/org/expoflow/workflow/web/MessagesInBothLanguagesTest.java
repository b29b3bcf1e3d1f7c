package org.expoflow.workflow.web;

import org.expoflow.workflow.tasks.HistorySentences;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.expoflow.projections.api.Board;
import org.expoflow.projections.api.TaskStatus;
import org.expoflow.projections.api.UnitDirectiveStatus;
import org.junit.jupiter.api.Test;

/**
 * Every word of the pages exists in Chinese (the default) and in English: the two bundles have the same
 * keys, none empty, and every key a template names, or builds from a status or a light, is in them (a
 * figure's words are its kind's: {@code FigureWordsTest}).
 */
class MessagesInBothLanguagesTest {

    private static final Path TEMPLATES = Path.of("src/main/resources/templates");
    private static final Pattern LITERAL_KEY = Pattern.compile("#\\{([A-Za-z][A-Za-z0-9_.]*)[}(]");

    private static Properties bundle(String name) throws IOException {
        Properties messages = new Properties();
        try (InputStream in = MessagesInBothLanguagesTest.class.getResourceAsStream("/" + name)) {
            messages.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return messages;
    }

    @Test
    void chineseAndEnglishHaveTheSameKeysAndNoneIsEmpty() throws IOException {
        Properties chinese = bundle("messages.properties");
        Properties english = bundle("messages_en.properties");

        assertThat(new TreeSet<>(english.stringPropertyNames())).as("English keys")
                .isEqualTo(new TreeSet<>(chinese.stringPropertyNames()));
        chinese.forEach((key, value) -> assertThat(value.toString()).as("Chinese " + key).isNotBlank());
        english.forEach((key, value) -> assertThat(value.toString()).as("English " + key).isNotBlank());
    }

    @Test
    void everyKeyATemplateNamesOrBuildsIsInTheBundle() throws IOException {
        Set<String> keys = bundle("messages.properties").stringPropertyNames();
        Set<String> named = new TreeSet<>();
        try (Stream<Path> templates = Files.walk(TEMPLATES)) {
            for (Path template : templates.filter(path -> path.toString().endsWith(".html")).toList()) {
                Matcher key = LITERAL_KEY.matcher(Files.readString(template));
                while (key.find()) {
                    named.add(key.group(1));
                }
            }
        }
        for (Board.Light light : Board.Light.values()) {
            named.add("light." + light);
            named.add("legend." + light);
        }
        for (UnitDirectiveStatus status : UnitDirectiveStatus.values()) {
            named.add("cell." + status);
        }
        named.addAll(HistorySentences.keys());
        for (TaskStatus status : TaskStatus.values()) {
            named.add("status." + status);
        }
        assertThat(named).as("keys the pages use").isNotEmpty();
        assertThat(keys).containsAll(named);
    }

    /**
     * Every refusal the domain or the application gives by its code ({@code coded("...")}) has its own sentence, so it
     * is never said as the developer's English or in the words of another refusal.
     */
    @Test
    void everyRefusalCodeHasItsSentence() throws IOException {
        Set<String> keys = bundle("messages.properties").stringPropertyNames();
        Pattern coded = Pattern.compile("coded\\(\"(\\w+)\"");
        Set<String> codes = new TreeSet<>();
        for (Path sources : List.of(Path.of("src/main/java"), Path.of("../commands/src/main/java"))) {
            try (Stream<Path> files = Files.walk(sources)) {
                for (Path file : files.filter(path -> path.toString().endsWith(".java")).toList()) {
                    Matcher code = coded.matcher(Files.readString(file));
                    while (code.find()) {
                        codes.add("refusal." + code.group(1));
                    }
                }
            }
        }
        // the codes chosen by whose step it is, or by what a comment is
        codes.addAll(List.of("refusal.mayNotAct", "refusal.stepOfTheOffice", "refusal.chaseUpOfTheOffice", "refusal.stepOfLeadership", "refusal.stepOfTheUnit",
                "refusal.instructionEmpty"));
        assertThat(codes).as("refusal codes").contains("refusal.claimedBy", "refusal.duplicateTitle");
        assertThat(keys).containsAll(codes);
    }
}
