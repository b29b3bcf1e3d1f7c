package org.expoflow.workflow.scenario;

import org.expoflow.workflow.PostgresTest;

/** The spine's story on PostgreSQL, the production store. */
@PostgresTest
class OsakaSpineOnPostgresTest extends OsakaSpineScenario {
}
