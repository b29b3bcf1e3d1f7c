package org.expoflow.workflow.observability;

import static org.assertj.core.api.Assertions.assertThat;

import org.expoflow.commands.api.task.ChaseUpGrade;
import org.expoflow.commands.api.task.TaskChasedUp;
import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * The chase-up counter tells a reminder (催办) from a chase-up (督办) and a notification (通报): a dashboard sees how
 * hard the office has had to push each unit, not only how often.
 */
class ChaseUpsByGradeTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final SupervisionCounters counters = new SupervisionCounters(registry, null, null);

    @Test
    void eachChaseUpIsCountedUnderItsUnitAndGrade() {
        counters.on(new TaskChasedUp("t1", "d1", "benxi", "coordinator", "请抓紧", ChaseUpGrade.URGE));
        counters.on(new TaskChasedUp("t1", "d1", "benxi", "coordinator", "予以通报", ChaseUpGrade.NOTIFY));
        counters.on(new TaskChasedUp("t2", "d1", "benxi", "coordinator", "请于今日报送", ChaseUpGrade.NOTIFY));

        assertThat(registry.get("expoflow.chase.ups").tags("unit", "benxi", "grade", "URGE").counter().count()).isEqualTo(1);
        assertThat(registry.get("expoflow.chase.ups").tags("unit", "benxi", "grade", "NOTIFY").counter().count()).isEqualTo(2);
        assertThat(registry.find("expoflow.chase.ups").tags("grade", "SUPERVISE").counter()).as("none sent at that grade").isNull();
    }

    @Test
    void aChaseUpStoredBeforeGradesCountsAsADuban() {
        counters.on(new TaskChasedUp("t1", "d1", "dandong", "coordinator", "请抓紧"));

        assertThat(registry.get("expoflow.chase.ups").tags("unit", "dandong", "grade", "SUPERVISE").counter().count()).isEqualTo(1);
    }
}
