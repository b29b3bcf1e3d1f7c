package org.expoflow.workflow.scenario;

import org.expoflow.workflow.TestClients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.expoflow.workflow.scenario.ExpoFlowClient.map;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.expoflow.workflow.ExpoFlowTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ContentDisposition;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

/**
 * A brief worth printing: the file is named after the expo, the meeting and its day; its times are the
 * province's, its statuses words, its units their names.
 */
@ExpoFlowTest
class BriefFilesTest {

    @LocalServerPort
    int port;

    @Test
    void theBriefIsNamedAfterTheMeetingAndReadsInLocalTimeWithStatusesInWords() throws IOException {
        ExpoFlowClient coordinator = ExpoFlowClient.as("http://localhost:" + port, "coordinator");
        String expoId = OsakaFixture.osakaWith(coordinator, "liaoyang");
        OsakaFixture.inviteBuyers(coordinator, expoId, "liaoyang");
        Instant heldAt = Instant.now();
        String meetingId = ExpoFlowClient.as("http://localhost:" + port, "leader").post("/api/meetings",
                map("expoId", expoId, "title", "Weekly review", "heldAt", heldAt.toString())).field("id");

        ResponseEntity<byte[]> pdf = TestClients.rest("http://localhost:" + port).get()
                .uri("/api/meetings/{m}/brief?format=pdf", meetingId)
                .headers(headers -> headers.setBasicAuth("leader", "demo")).retrieve().toEntity(byte[].class);

        String day = LocalDate.ofInstant(heldAt, ZoneId.of("Asia/Shanghai")).toString();
        assertThat(ContentDisposition.parse(pdf.getHeaders().getFirst("Content-Disposition")).getFilename())
                .isEqualTo("Osaka Weekly review " + day + ".pdf");
        String text;
        try (PDDocument document = Loader.loadPDF(pdf.getBody())) {
            text = new PDFTextStripper().getText(document);
        }
        assertThat(text).contains("北京时间").contains("未开始").contains("辽阳市").doesNotContain("UTC")
                .doesNotContain("NOT_STARTED").doesNotContain("Not started");
    }
}
