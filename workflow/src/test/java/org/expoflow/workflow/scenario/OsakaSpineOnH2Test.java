package org.expoflow.workflow.scenario;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/** The spine's story on the embedded default. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
class OsakaSpineOnH2Test extends OsakaSpineScenario {
}
