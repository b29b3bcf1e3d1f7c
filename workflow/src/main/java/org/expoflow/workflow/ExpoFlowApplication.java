package org.expoflow.workflow;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** ExpoFlow: directives as BPMN processes, their steps as commands, events as the record, projections as views. */
@SpringBootApplication(scanBasePackages = "org.expoflow")
public class ExpoFlowApplication {

    public static void main(String[] args) {
        SpringApplication.run(ExpoFlowApplication.class, args);
    }
}
