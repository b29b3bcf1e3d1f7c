package org.expoflow.workflow.scenario;

import org.expoflow.workflow.PostgresTest;

/** Rebuilds beside the live model on PostgreSQL, whose switch moves the rebuilt tables into place. */
@PostgresTest
class RebuildBesideTheLiveModelOnPostgresTest extends RebuildBesideTheLiveModelScenario {
}
