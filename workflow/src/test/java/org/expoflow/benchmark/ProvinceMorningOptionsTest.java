package org.expoflow.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The morning refuses what it cannot run, saying which argument is wrong, before it drops or seeds anything. */
class ProvinceMorningOptionsTest {

    @Test
    void seedsAProvinceAfreshForTheIssuesMorningByDefault() {
        ProvinceMorning.Options options = ProvinceMorning.Options.parse(new String[0]);
        assertThat(List.of(options.minutes(), options.warmupMinutes(), options.clerks(), options.directives())).containsExactly(10, 2, 300, 950);
        assertThat(options.reseed()).isTrue();
    }

    @Test
    void keepsTheDatabaseOfAnEarlierRunWhenAskedInTheStringMavenPasses() {
        ProvinceMorning.Options options = ProvinceMorning.Options.parse(new String[] {"--reseed=false --minutes=4 --clerks=600"});
        assertThat(options.reseed()).isFalse();
        assertThat(List.of(options.minutes(), options.clerks())).containsExactly(4, 600);
    }

    @Test
    void refusesAWordForYesOrNoAZeroAndAnUnknownArgumentNamingThem() {
        assertThatThrownBy(() -> ProvinceMorning.Options.parse(new String[] {"--reseed=no"}))
                .hasMessageContaining("--reseed").hasMessageContaining("no");
        assertThatThrownBy(() -> ProvinceMorning.Options.parse(new String[] {"--clerks=0"})).hasMessageContaining("--clerks");
        assertThatThrownBy(() -> ProvinceMorning.Options.parse(new String[] {"--seed=false"})).hasMessageContaining("--seed");
    }
}
