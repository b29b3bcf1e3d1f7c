package org.expoflow.workflow.engine;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Deadline supervisions still running on an earlier version of {@code bpmn/deadline-supervision.bpmn} are moved to
 * the latest when a node starts: a chase-up then follows today's rules (a 催办 wants no reply and may be followed by
 * a 督办; a reply is required), not those of the version it started under. Every version has the same step ids, so
 * each step maps to its namesake, timers keep their due dates, and the unit's and the office's open steps stay
 * theirs. A version that cannot be moved (another node moving it at the same moment, a model changed beyond
 * mapping) is logged and left as it is: its steps still read as the latest version words and checks them.
 */
@Component
public class SupervisionVersions {

    private static final Logger log = LoggerFactory.getLogger(SupervisionVersions.class);

    private final RepositoryService repositoryService;
    private final RuntimeService runtimeService;

    SupervisionVersions(RepositoryService repositoryService, RuntimeService runtimeService) {
        this.repositoryService = repositoryService;
        this.runtimeService = runtimeService;
    }

    /** Moves every supervision of an earlier version to the latest; the number moved. */
    @EventListener(ApplicationReadyEvent.class)
    public long moveToLatest() {
        ProcessDefinition latest = repositoryService.createProcessDefinitionQuery()
                .processDefinitionKey(DeadlineSupervision.PROCESS_KEY).latestVersion().singleResult();
        if (latest == null) {
            return 0;
        }
        long moved = 0;
        for (ProcessDefinition earlier : repositoryService.createProcessDefinitionQuery()
                .processDefinitionKey(DeadlineSupervision.PROCESS_KEY).list()) {
            long running = runtimeService.createProcessInstanceQuery().processDefinitionId(earlier.getId()).count();
            if (earlier.getId().equals(latest.getId()) || running == 0) {
                continue;
            }
            try {
                MigrationPlan plan = runtimeService.createMigrationPlan(earlier.getId(), latest.getId()).mapEqualActivities().build();
                runtimeService.newMigration(plan)
                        .processInstanceQuery(runtimeService.createProcessInstanceQuery().processDefinitionId(earlier.getId()))
                        .execute();
                moved += running;
                log.info("{} deadline supervisions moved from version {} to {}", running, earlier.getVersion(), latest.getVersion());
            } catch (RuntimeException notMoved) {
                log.warn("the deadline supervisions of version {} stay on it: {}", earlier.getVersion(), notMoved.getMessage());
            }
        }
        return moved;
    }
}
