package org.expoflow.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The benchmark refuses what it cannot run, saying which argument is wrong, before it starts anything. */
class WritePathBenchmarkOptionsTest {

    @Test
    void runsBothDatabasesWithTheIssuesLoadByDefault() {
        WritePathBenchmark.Options options = WritePathBenchmark.Options.parse(new String[0]);
        assertThat(options.databases()).containsExactly("h2", "postgres");
        assertThat(List.of(options.processes(), options.clients(), options.rounds())).containsExactly(300, 4, 3);
    }

    @Test
    void takesTheArgumentsMavenPassesAsOneString() {
        WritePathBenchmark.Options options = WritePathBenchmark.Options.parse(new String[] {"--database=postgres --processes=45"});
        assertThat(options.databases()).containsExactly("postgres");
        assertThat(options.processes()).isEqualTo(45);
    }

    @Test
    void refusesAnUnknownDatabaseAZeroSizeAndAnUnknownArgumentNamingThem() {
        assertThatThrownBy(() -> WritePathBenchmark.Options.parse(new String[] {"--database=oracle"}))
                .hasMessageContaining("--database").hasMessageContaining("oracle");
        assertThatThrownBy(() -> WritePathBenchmark.Options.parse(new String[] {"--processes=0"}))
                .hasMessageContaining("--processes");
        assertThatThrownBy(() -> WritePathBenchmark.Options.parse(new String[] {"--clients=four"}))
                .hasMessageContaining("--clients").hasMessageContaining("four");
        assertThatThrownBy(() -> WritePathBenchmark.Options.parse(new String[] {"--warmup=1"}))
                .hasMessageContaining("--warmup");
    }

    @Test
    void recordsEachSideOnlyWhenAskedToAndIntoAFolderNamed() {
        assertThat(WritePathBenchmark.Options.parse(new String[0]).flightRecordings()).isNull();
        assertThat(WritePathBenchmark.Options.parse(new String[] {"--flight-recording=target/jfr"}).flightRecordings())
                .isAbsolute().endsWithRaw(java.nio.file.Path.of("target", "jfr"));
        assertThatThrownBy(() -> WritePathBenchmark.Options.parse(new String[] {"--flight-recording="}))
                .hasMessageContaining("--flight-recording");
    }

    @Test
    void measuresAgainstTheOpenAndTheSecuredEngineUnlessOneIsNamed() {
        assertThat(WritePathBenchmark.Options.parse(new String[0]).baselines())
                .extracting(WritePathBenchmark.PlainSide::name).containsExactly("plain", "secured");
        assertThat(WritePathBenchmark.Options.parse(new String[] {"--baseline=secured"}).baselines())
                .extracting(WritePathBenchmark.PlainSide::name).containsExactly("secured");
        assertThatThrownBy(() -> WritePathBenchmark.Options.parse(new String[] {"--baseline=none"}))
                .hasMessageContaining("--baseline").hasMessageContaining("'none'");
    }
}
