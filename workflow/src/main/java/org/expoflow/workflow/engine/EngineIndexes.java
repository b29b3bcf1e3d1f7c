package org.expoflow.workflow.engine;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * An index the engine's own schema lacks, added once the engine has created or updated its tables.
 * <p>
 * Completing a task, the engine looks for its sub-tasks ({@code PARENT_TASK_ID_}), which ExpoFlow never
 * creates; without an index that reads every open task of every directive: the costliest statement per
 * call of a completion in the write-path benchmark ({@code pg_stat_statements}), growing with the open
 * steps of a province. Not a Flyway migration: the engine creates its tables itself, after Flyway may
 * already have run.
 */
@Component
public class EngineIndexes extends AbstractProcessEnginePlugin {

    @Override
    public void postProcessEngineBuild(ProcessEngine engine) {
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        try (Connection connection = configuration.getDataSource().getConnection(); Statement sql = connection.createStatement()) {
            sql.execute("create index if not exists EXPOFLOW_IDX_TASK_PARENT on ACT_RU_TASK (PARENT_TASK_ID_)");
        } catch (SQLException failed) {
            throw new IllegalStateException("could not index the engine's tasks by their parent task", failed);
        }
    }
}
