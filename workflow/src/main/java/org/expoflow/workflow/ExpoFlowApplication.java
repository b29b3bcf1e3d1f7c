package org.expoflow.workflow;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;

/** ExpoFlow: directives as BPMN processes, their steps as commands, events as the record, projections as views. */
@SpringBootApplication(scanBasePackages = "org.expoflow")
@EnableScheduling
public class ExpoFlowApplication {

    public static void main(String[] args) {
        SpringApplication.run(ExpoFlowApplication.class, args);
    }
}
