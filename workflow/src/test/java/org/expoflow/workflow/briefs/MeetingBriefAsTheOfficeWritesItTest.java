package org.expoflow.workflow.briefs;

import org.expoflow.workflow.TestClients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.expoflow.workflow.scenario.ExpoFlowClient.map;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;

import javax.imageio.ImageIO;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.expoflow.workflow.ExpoFlowTest;
import org.expoflow.workflow.scenario.ExpoFlowClient;
import org.expoflow.workflow.web.PageSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.client.RestClient;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The brief a 调度会 reads, as the office writes one, downloaded from the meeting's page by a leader reading Chinese.
 * Its first page is the whole summary: overall progress, what fell due and was done since the last meeting, the
 * overdue steps by unit (the worst first), the figures against their targets with their units, the chase-ups and the
 * unit named (通报), the leader's instruction with the unit's feedback, and the extension request with its decision;
 * the units by their names, dates as 2026年12月7日, and not a key of the code nor a word of English. Then each
 * directive with its units in the register's order. The PDF carries its own font. The Word document opens and holds
 * the same summary; the spreadsheet's dates are dates, its headings frozen and filtered. Asked for both languages,
 * the brief is in Chinese and English.
 */
@ExpoFlowTest
class MeetingBriefAsTheOfficeWritesItTest {

    private static final Pattern CHINESE_DATE = Pattern.compile("\\d{4}年\\d{1,2}月\\d{1,2}日");
    private static final Pattern LATIN_WORD = Pattern.compile("[A-Za-z]{2,}");

    @LocalServerPort
    int port;

    String meetingId;

    ExpoFlowClient as(String user) {
        return ExpoFlowClient.as("http://localhost:" + port, user).withHeader("Accept-Language", "zh-CN");
    }

    @BeforeEach
    void aWeekOfPreparationThenAMeeting() {
        ExpoFlowClient office = as("coordinator");
        String expoId = office.post("/api/expos", map("name", "第一届辽宁出口商品（日本·大阪）展览会", "venue", "大阪",
                "opensOn", "2030-03-01", "closesOn", "2030-03-04")).field("id");
        for (String unit : List.of("anshan", "dalian", "shenyang")) {
            office.post("/api/expos/{e}/units", map("unitId", unit, "kind", "CITY"), expoId);
        }
        String invite = office.post("/api/directives", map("expoId", expoId, "kind", "invite-buyers", "title", "邀请日本采购商",
                "dueOn", "2030-02-01", "unitIds", List.of("anshan", "dalian", "shenyang"),
                "targets", map("buyersInvited", 50))).field("id");
        String late = office.post("/api/directives", map("expoId", expoId, "kind", "invite-buyers", "title", "鞍山今晚前报送邀请名单",
                "dueAt", Instant.now().plusSeconds(3).toString(), "unitIds", List.of("anshan"))).field("id");

        String shenyang = firstStep(as("shenyang"), invite);
        as("shenyang").post("/api/tasks/{t}/progress", map("percent", 40, "note", "已拟定名单", "figures", map("buyersInvited", 20)),
                shenyang);
        as("leader").post("/api/tasks/{t}/comments", map("text", "请沈阳市加快进度", "instruction", true), shenyang);
        as("shenyang").post("/api/tasks/{t}/progress", map("percent", 60, "note", "已联系30家采购商"), shenyang);

        String dalian = firstStep(as("dalian"), invite);
        as("dalian").post("/api/tasks/{t}/extension-request", map("dueOn", "2030-02-15", "reason", "春节期间外贸机构放假"), dalian);
        office.post("/api/tasks/{t}/extension-request/decision", map("approve", true), dalian);

        String anshan = firstStep(as("anshan"), late);
        await().atMost(Duration.ofSeconds(30)).until(() ->
                office.get("/api/tasks/{t}", anshan).body().path("escalatedAt").isTextual());
        office.post("/api/tasks/{t}/chase-up", map("message", "逾期未报，予以通报", "grade", "NOTIFY"), anshan);

        meetingId = as("leader").post("/api/meetings", map("expoId", expoId, "title", "第一次调度会",
                "heldAt", Instant.now().toString())).field("id");
    }

    @Test
    void theFirstPageIsTheSummaryInChineseWithNoKeyOfTheCodeAndTheDirectivesFollowUnitByUnit() throws Exception {
        PageSession leader = PageSession.signedIn("http://localhost:" + port, "leader");
        assertThat(leader.get("/meetings/" + meetingId)).contains("brief.pdf").contains("brief.docx").contains("中英文对照")
                .as("the extension request and its decision on the meeting's page too")
                .containsPattern("id=\"briefExtensions\">\\s*<h2>延期申请</h2>\\s*<p>\\s*<strong>大连市</strong>[^<]*"
                        + "<span>邀请日本采购商 · 拟定邀请名单</span>[^<]*<span>期限 2030年2月1日 → 申请延至 2030年2月15日</span>："
                        + "<span>春节期间外贸机构放假</span>\\s*<span class=\"chip approved\">已同意</span>");
        byte[] pdf = leader.download("/meetings/" + meetingId + "/brief.pdf");

        try (PDDocument document = Loader.loadPDF(pdf)) {
            String first = page(document, 1);
            assertThat(first).contains("会议简报", "第1期", "第一届辽宁出口商品（日本·大阪）展览会筹备工作办公室", "第一次调度会");
            assertThat(first).as("the summary, section by section, on the first page").containsSubsequence("一、总体进展",
                    "二、上次会议以来到期和完成情况", "三、逾期事项（按单位）", "四、主要指标完成情况", "五、催办、督办和通报情况",
                    "六、领导批示及落实反馈", "七、延期申请", "八、单位考核排名");
            String sentences = first.replaceAll("\\s*\\n\\s*", ""); // lines joined: a sentence may wrap anywhere
            assertThat(sentences).contains("共下达督办事项2项，承办单位3个").contains("鞍山市")
                    .contains("家").as("the figure's unit").contains("予以通报的单位：鞍山市")
                    .contains("请沈阳市加快进度").contains("沈阳市于").contains("反馈：“已联系30家采购商”")
                    .contains("大连市").contains("春节期间外贸机构放假").contains("同意")
                    .as("the month's ranking, best and lowest named with their scores").contains("个单位参加考核评分")
                    .containsPattern("得分最高：[^；]*市（[0-9.]+分）；得分最低：[^。]*市（[0-9.]+分）。");
            assertThat(CHINESE_DATE.matcher(first).find()).as("dates as a Chinese reader writes them").isTrue();
            assertThat(first).doesNotContain("buyersInvited", "NOT_STARTED", "NOTIFY", "draftInvitationList", "T0", "Z ");
            assertThat(LATIN_WORD.matcher(first).results().map(match -> match.group()).toList())
                    .as("no word of English, no key of the code").isEmpty();

            String rest = page(document, 2) + page(document, document.getNumberOfPages());
            assertThat(rest).contains("各项任务推进详情").contains("邀请日本采购商");
            String details = page(document, 2);
            assertThat(details.indexOf("沈阳市")).as("units in the register's order: 沈阳、大连、鞍山")
                    .isLessThan(details.indexOf("大连市"));
            assertThat(details.indexOf("大连市")).isLessThan(details.lastIndexOf("鞍山市"));

            for (PDFont font : fonts(document)) {
                assertThat(font.isEmbedded()).as(font.getName() + " is embedded").isTrue();
                assertThat(font.getName()).contains("WenQuanYiMicroHei");
            }
            assertThat(fonts(document)).isNotEmpty();
            Path seen = Path.of("target/screenshots/brief-page-1.png");
            Files.createDirectories(seen.getParent());
            ImageIO.write(new PDFRenderer(document).renderImageWithDPI(0, 110), "png", seen.toFile());
            ImageIO.write(new PDFRenderer(document).renderImageWithDPI(1, 110), "png",
                    Path.of("target/screenshots/brief-page-2.png").toFile());
        }
    }

    @Test
    void theWordDocumentOpensWithTheSummaryForTheSecretaryToEdit() throws Exception {
        byte[] docx = PageSession.signedIn("http://localhost:" + port, "leader").download("/meetings/" + meetingId + "/brief.docx");

        try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(docx))) {
            List<String> paragraphs = document.getParagraphs().stream().map(XWPFParagraph::getText).toList();
            assertThat(paragraphs).contains("会议简报", "第1期", "第一次调度会", "一、总体进展", "七、延期申请");
            assertThat(String.join("\n", paragraphs)).contains("共下达督办事项2项").contains("请沈阳市加快进度")
                    .doesNotContain("buyersInvited");
            assertThat(document.getTables()).as("the overdue units, the figures, each directive and the annex").hasSizeGreaterThan(4);
            assertThat(document.getProperties().getCoreProperties().getTitle()).isEqualTo("第一次调度会");
        }
    }

    @Test
    void theSpreadsheetsDatesAreDatesItsHeadingsFrozenAndFiltered() throws Exception {
        byte[] xlsx = PageSession.signedIn("http://localhost:" + port, "leader").download("/meetings/" + meetingId + "/brief.xlsx");

        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            assertThat(workbook.getSheetName(0)).isEqualTo("摘要");
            XSSFSheet directives = workbook.getSheet("各项任务推进详情");
            Row headings = directives.getRow(Spreadsheet.HEADER_ROW);
            DataFormatter format = new DataFormatter();
            List<String> names = StreamSupport.stream(headings.spliterator(), false).map(format::formatCellValue).toList();
            assertThat(names).containsExactly("督办事项", "单位", "状态", "进度", "期限", "情况");
            Row invite = StreamSupport.stream(directives.spliterator(), false)
                    .filter(row -> format.formatCellValue(row.getCell(0)).equals("邀请日本采购商")).findFirst().orElseThrow();
            assertThat(format.formatCellValue(invite.getCell(1))).isEqualTo("沈阳市");
            Cell due = invite.getCell(names.indexOf("期限"));
            assertThat(DateUtil.isCellDateFormatted(due)).as("a deadline is a date cell").isTrue();
            assertThat(due.getLocalDateTimeCellValue().toLocalDate()).isEqualTo(LocalDate.of(2030, 2, 1));
            assertThat(due.getCellStyle().getDataFormatString()).as("as Excel writes a Chinese date").isEqualTo("yyyy\"年\"m\"月\"d\"日\"");
            assertThat(directives.getPaneInformation().isFreezePane()).isTrue();
            assertThat(directives.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) (Spreadsheet.HEADER_ROW + 1));
            assertThat(directives.getCTWorksheet().isSetAutoFilter()).isTrue();
            assertThat(directives.getCTWorksheet().getAutoFilter().getRef()).startsWith("A4:F");

            XSSFSheet extensions = workbook.getSheet("延期申请明细");
            Cell asked = extensions.getRow(Spreadsheet.HEADER_ROW + 1).getCell(5);
            assertThat(DateUtil.isCellDateFormatted(asked)).isTrue();
            assertThat(asked.getLocalDateTimeCellValue().toLocalDate()).isEqualTo(LocalDate.of(2030, 2, 15));
        }
    }

    @Test
    void askedForBothLanguagesTheBriefIsInChineseAndEnglish() throws Exception {
        byte[] pdf = PageSession.signedIn("http://localhost:" + port, "leader")
                .download("/meetings/" + meetingId + "/brief.pdf?bilingual=true");

        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("一、总体进展", "Overall progress", "七、延期申请", "Extension requests")
                    .contains("鞍山市 Anshan").doesNotContain("鞍山市 鞍山市").doesNotContain("buyersInvited");
            Files.createDirectories(Path.of("target/screenshots"));
            ImageIO.write(new PDFRenderer(document).renderImageWithDPI(0, 110), "png",
                    Path.of("target/screenshots/brief-bilingual-page-1.png").toFile());
        }
        byte[] english = TestClients.rest("http://localhost:" + port).get().uri("/api/meetings/{m}/brief?format=pdf", meetingId)
                .headers(headers -> {
                    headers.setBasicAuth("leader", "demo");
                    headers.set("Accept-Language", "en");
                }).retrieve().body(byte[].class);
        try (PDDocument document = Loader.loadPDF(english)) {
            assertThat(page(document, 1)).contains("1. Overall progress").doesNotContain("总体进展");
        }
    }

    private static String page(PDDocument document, int page) throws Exception {
        PDFTextStripper stripper = new PDFTextStripper();
        stripper.setStartPage(page);
        stripper.setEndPage(page);
        return stripper.getText(document);
    }

    private static List<PDFont> fonts(PDDocument document) throws Exception {
        List<PDFont> fonts = new ArrayList<>();
        for (var page : document.getPages()) {
            for (var name : page.getResources().getFontNames()) {
                fonts.add(page.getResources().getFont(name));
            }
        }
        return fonts;
    }

    private static String firstStep(ExpoFlowClient unit, String directiveId) {
        JsonNode items = unit.get("/api/tasks?directiveId={d}&status=ACTIVE", directiveId).body().path("items");
        return items.get(0).path("id").asText();
    }
}
