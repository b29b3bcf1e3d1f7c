package org.expoflow.workflow.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RestController;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * The layers of the design, kept honest: see README.md, "Layout", and docs/adr/0014 (each feature in its package,
 * doors beside their service, shared HTTP support below); the no-cycle rules hold for each module's packages.
 */
class LayeringTest {

    /** What the shared HTTP support may rest on in the application: itself, the application's rules, the engine's ports. */
    static final String[] SHARED_HTTP_RESTS_ON = {"org.expoflow.workflow.http..", "org.expoflow.workflow.application..",
            "org.expoflow.workflow.engine.."};

    static JavaClasses expoFlow;

    @BeforeAll
    static void importExpoFlow() {
        expoFlow = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.expoflow");
    }

    @Test
    void commandsKnowNoFrameworkButAxon() {
        noClasses()
                .that().resideInAPackage("org.expoflow.commands..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.camunda..", "jakarta..",
                        "com.fasterxml.jackson..", "org.expoflow.projections..", "org.expoflow.workflow..")
                .because("the write side is plain Java and Axon: no Spring, no Camunda, no web")
                .check(expoFlow);
    }

    @Test
    void projectionsSeeOnlyTheMessageApi() {
        noClasses()
                .that().resideInAPackage("org.expoflow.projections..")
                .should().dependOnClassesThat().resideInAnyPackage("org.expoflow.commands.expo..",
                        "org.expoflow.commands.directive..", "org.expoflow.commands.task..", "org.expoflow.commands.meeting..",
                        "org.expoflow.workflow..",
                        "org.camunda..")
                .because("the read side depends on the commands' api package only, never on the aggregates or the engine")
                .check(expoFlow);
    }

    @Test
    void onlyTheWorkflowImportsTheEngine() {
        noClasses()
                .that().resideOutsideOfPackage("org.expoflow.workflow..")
                .should().dependOnClassesThat().resideInAPackage("org.camunda..")
                .because("workflow is the only module that imports org.camunda")
                .check(expoFlow);
    }

    @Test
    void pagesActThroughTheApplicationApiOnly() {
        noClasses()
                .that().areAnnotatedWith(Controller.class).or().resideInAPackage("org.expoflow.workflow.briefs..")
                .should().dependOnClassesThat().resideInAnyPackage("org.camunda.bpm.engine..", "org.axonframework..",
                        "org.springframework.jdbc..")
                .because("a page does what the REST API does, through the same application services: the same checks, one way in")
                .check(expoFlow);
    }

    @Test
    void theDoorsOnlyTranslate() {
        noClasses()
                .that().areAnnotatedWith(RestController.class).or().areAnnotatedWith(Controller.class)
                .should().dependOnClassesThat().resideInAnyPackage("org.camunda..", "org.axonframework..",
                        "org.springframework.transaction..", "org.springframework.jdbc..")
                .because("the REST API and the pages hand every use case to its application service (tasks.UnitStepWork,"
                        + " tasks.OfficeStepWork, tasks.StepReadings, tasks.StepFiles,"
                        + " expos.ExpoWork, directives.DirectiveWork, meetings.MeetingWork, review.LeadershipReview),"
                        + " which owns the transaction, the engine calls, the commands and the wait for the read models")
                .check(expoFlow);
    }

    @Test
    void onlyTheEngineAdapterImportsTheEngine() {
        noClasses()
                .that().resideInAPackage("org.expoflow.workflow..")
                .and().resideOutsideOfPackage("org.expoflow.workflow.engine..")
                .should().dependOnClassesThat().resideInAPackage("org.camunda..")
                .because("the features reach the engine through its ports: a step's change through engine.StepEngine,"
                        + " which hides whether the engine or the command goes first; the kinds' models through"
                        + " engine.KindModels; who acts and whom the webapps admit through engine.EngineIdentity; what an"
                        + " engine's failure means through engine.EngineFailures")
                .check(expoFlow);
    }

    @Test
    void theApplicationsPackagesFormNoCycle() {
        slices().matching("org.expoflow.workflow.(*)..")
                .should().beFreeOfCycles()
                .because("each feature's room rests on the shared support below it, never on a feature that rests on it")
                .check(expoFlow);
    }

    @Test
    void theReadModelsPackagesFormNoCycle() {
        slices().matching("org.expoflow.projections.(*)..")
                .should().beFreeOfCycles()
                .because("each read model rests on the support and the api below it, never on one that rests on it")
                .check(expoFlow);
    }

    @Test
    void theWriteSidesPackagesFormNoCycle() {
        slices().matching("org.expoflow.commands.(*)..")
                .should().beFreeOfCycles()
                .because("each aggregate rests on the messages (api) and the storage below it, never on another that rests on it")
                .check(expoFlow);
    }

    @Test
    void theSharedHttpSupportKnowsNoFeature() {
        noClasses()
                .that().resideInAPackage("org.expoflow.workflow.http..")
                .should().dependOnClassesThat(JavaClass.Predicates.resideInAPackage("org.expoflow.workflow..")
                        .and(JavaClass.Predicates.resideOutsideOfPackages(SHARED_HTTP_RESTS_ON)))
                .because("problems, idempotency, page errors and formats sit below every feature's doors, on the"
                        + " application's rules and the engine's ports only")
                .check(expoFlow);
    }

    /** A constant is copied into the class that uses it, so the bytecode hides it: the source names it. */
    @Test
    void theSharedHttpSupportNamesNoFeatureInItsSource() throws IOException {
        Path http = Path.of("src/main/java/org/expoflow/workflow/http");
        Pattern named = Pattern.compile("org\\.expoflow\\.workflow\\.([a-z]+)");
        List<String> features = new ArrayList<>();
        try (Stream<Path> sources = Files.list(http)) {
            for (Path source : sources.filter(file -> file.toString().endsWith(".java")).sorted().toList()) {
                Matcher name = named.matcher(Files.readString(source));
                while (name.find()) {
                    String pkg = "org.expoflow.workflow." + name.group(1) + "..";
                    if (!List.of(SHARED_HTTP_RESTS_ON).contains(pkg)) {
                        features.add(source.getFileName() + " names " + name.group());
                    }
                }
            }
        }
        assertThat(features).as("the shared HTTP support rests on no feature, not even for a constant").isEmpty();
    }

    @Test
    void everyDoorLivesInItsFeaturesPackage() {
        classes()
                .that().areAnnotatedWith(RestController.class).or().areAnnotatedWith(Controller.class)
                .should().resideOutsideOfPackages("org.expoflow.workflow.http..", "org.expoflow.workflow.engine..",
                        "org.expoflow.workflow.config..")
                .because("a feature's REST controller and pages sit beside its service, as petclinic's owner/ does")
                .check(expoFlow);
    }

    @Test
    void everyPageControllerIsMarkedSoThePagesAdviceReachesIt() {
        classes()
                .that().areAnnotatedWith(Controller.class).and().areNotAnnotatedWith(RestController.class)
                .should().beAnnotatedWith(org.expoflow.workflow.http.PageDoor.class)
                .because("the pages' advice (errors at the form, unit names, the rebuild notice) finds pages by this mark,"
                        + " and problems find the REST controllers by theirs, wherever a feature's package is")
                .check(expoFlow);
    }

    @Test
    void pagesNeverCallTheRestControllers() {
        noClasses()
                .that().areAnnotatedWith(Controller.class)
                .should().dependOnClassesThat().areAnnotatedWith(RestController.class)
                .because("a page and the API are two doors to the same application service, not one behind the other")
                .check(expoFlow);
    }

    @Test
    void queriesReadThroughTheTaskReadingsNotTheProjection() {
        noClasses()
                .that().resideOutsideOfPackage("org.expoflow.projections.tasks..")
                .should().dependOnClassesThat().haveSimpleName("TaskListProjection")
                .because("the lists, the board, the statistics and the briefs read tasks through the task readings"
                        + " (tasks.TaskListReadings, TaskDetailReadings, ExpoTaskReadings, UnitStepReadings,"
                        + " BriefHistoryReadings); the projection only keeps the rows")
                .check(expoFlow);
    }

    @Test
    void messagesAreRecords() {
        classes()
                .that().resideInAPackage("org.expoflow.commands.api..")
                .and().areNotEnums().and().areNotAssignableTo(Throwable.class).and().areNotInterfaces()
                .and().doNotHaveSimpleName("package-info")
                .should().beRecords()
                .because("commands and events are immutable records")
                .check(expoFlow);
    }

    @Test
    void theRestApiNeverTouchesAggregates() {
        noClasses()
                .that().areAnnotatedWith(RestController.class)
                .should().dependOnClassesThat().resideInAnyPackage("org.expoflow.commands.expo..",
                        "org.expoflow.commands.directive..", "org.expoflow.commands.task..")
                .because("the API sends commands and asks queries; only Axon reaches the aggregates")
                .check(expoFlow);
    }
}
