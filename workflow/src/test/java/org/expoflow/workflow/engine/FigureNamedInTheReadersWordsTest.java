package org.expoflow.workflow.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

import org.expoflow.workflow.ExpoFlowTest;
import org.expoflow.workflow.kinds.FigureWords;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A figure several kinds declare is named, for a Chinese reader, by a kind whose texts name it in Chinese: a kind
 * uploaded with English labels only (the allow-list trial declares {@code buyersInvited}, "Buyers invited") does
 * not put English into a Chinese brief or board.
 */
@ExpoFlowTest
class FigureNamedInTheReadersWordsTest {

    @LocalServerPort
    int port;

    @Autowired
    FigureWords figures;

    @Test
    void aKindWithEnglishLabelsOnlyDoesNotRenameAFigureTheBundledKindsNameInChinese() throws Exception {
        String before = figures.all(Locale.SIMPLIFIED_CHINESE).get("buyersInvited").name();
        assertThat(before).as("the bundled kind's Chinese name").doesNotContain("Buyers");

        DeploymentDoors.Answer uploaded = DeploymentDoors.UPLOAD.deploy(port, "admin", "allow-list-trial.bpmn",
                ModelAllowListTest.trialKindText());
        assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(201);

        assertThat(figures.all(Locale.SIMPLIFIED_CHINESE).get("buyersInvited").name()).isEqualTo(before);
        assertThat(figures.all(Locale.ENGLISH).get("buyersInvited").name()).isEqualTo("Buyers invited");
    }
}
