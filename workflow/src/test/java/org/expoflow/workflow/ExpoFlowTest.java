package org.expoflow.workflow;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.expoflow.workflow.faults.OutageSwitch;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

/**
 * A test against the running application on its embedded default, with the demo data. Every such test
 * shares one application context: the engine's REST API finds "the" process engine through a JVM-wide
 * registry, so two live contexts in one JVM would answer each other's requests.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
@AutoConfigureObservability
@TestPropertySource(properties = {
        "expoflow.metrics.scrape-token=" + ExpoFlowTest.SCRAPE_TOKEN,
        // deadlines in seconds: a step still open five seconds after its deadline is escalated
        "expoflow.deadlines.escalate-after=PT5S",
        "camunda.bpm.job-execution.wait-time-in-millis=250",
        "camunda.bpm.job-execution.max-wait=1000",
        // the tests send the group robots' deliveries themselves, at the instants they choose
        "expoflow.notifications.dispatch-every=PT1H",
        // the tests' own robots listen on this machine, named so; an address written as a number stays refused
        "expoflow.notifications.inner-robot-hosts=localhost",
        // mail goes to the test's own SMTP server (GreenMail's test port), when a test starts one
        "spring.mail.host=127.0.0.1", "spring.mail.port=3025",
        // a channel that exists only in the tests (notifications.sms) texts one clerk, whom its test makes
        "expoflow.notifications.sms.enabled=true", "expoflow.notifications.sms.phones." + ExpoFlowTest.TEXTED_CLERK + "=13800000000"})
@Import(OutageSwitch.Installer.class)
public @interface ExpoFlowTest {

    String SCRAPE_TOKEN = "scrape-me-3f9a";

    /** The one person the tests' text-message channel reaches. */
    String TEXTED_CLERK = "texted-clerk";
}
