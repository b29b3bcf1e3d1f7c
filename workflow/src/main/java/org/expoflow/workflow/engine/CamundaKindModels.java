package org.expoflow.workflow.engine;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DeploymentWithDefinitions;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Documentation;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.xml.ModelException;
import org.springframework.stereotype.Component;

/** {@link KindModels} in Camunda's repository: process definitions, their BPMN models and their deployments' resources. */
@Component
public class CamundaKindModels implements KindModels {

    private final RepositoryService repositoryService;
    private final StepForms stepForms;
    // a deployed definition never changes: its model is read once, not on every page or completion
    private final Map<String, KindModel> modelsByDefinition = new ConcurrentHashMap<>();

    public CamundaKindModels(RepositoryService repositoryService, StepForms stepForms) {
        this.repositoryService = repositoryService;
        this.stepForms = stepForms;
    }

    @Override
    public List<KindModel> latestActive() {
        return repositoryService.createProcessDefinitionQuery().latestVersion().active().list().stream()
                .filter(definition -> !DeadlineSupervision.isWatch(definition.getKey()))
                .sorted(Comparator.comparing(ProcessDefinition::getKey))
                .map(this::modelOf)
                .toList();
    }

    @Override
    public Optional<KindModel> latestActive(String key) {
        if (DeadlineSupervision.isWatch(key)) {
            return Optional.empty();
        }
        return repositoryService.createProcessDefinitionQuery().processDefinitionKey(key).latestVersion().active()
                .list().stream().findFirst().map(this::modelOf);
    }

    @Override
    public Optional<KindModel> latest(String key) {
        return repositoryService.createProcessDefinitionQuery().processDefinitionKey(key).latestVersion().list().stream()
                .findFirst().map(this::modelOf);
    }

    @Override
    public KindModel ofDefinition(String processDefinitionId) {
        KindModel known = modelsByDefinition.get(processDefinitionId);
        return known != null ? known : modelOf(repositoryService.getProcessDefinition(processDefinitionId));
    }

    @Override
    public List<Version> versions(String key) {
        return repositoryService.createProcessDefinitionQuery().processDefinitionKey(key).orderByProcessDefinitionVersion()
                .desc().list().stream().map(definition -> new Version(definition.getVersion(),
                        Optional.ofNullable(repositoryService.createDeploymentQuery()
                                .deploymentId(definition.getDeploymentId()).singleResult())
                                .map(deployment -> deployment.getDeploymentTime().toInstant()).orElse(null),
                        definition.getVersionTag()))
                .toList();
    }

    /** The engine looks a definition up in the database on every call for its model: each form is read once. */
    @Override
    public StepForm stepForm(String processDefinitionId, String stepId) {
        String asRead = processDefinitionId.startsWith(DeadlineSupervision.PROCESS_KEY + ":")
                ? latestSupervision(processDefinitionId) : processDefinitionId;
        return stepForms.of(asRead, stepId, () -> repositoryService.getBpmnModelInstance(asRead).getModelElementById(stepId));
    }

    /**
     * A chase-up's steps read as the latest supervision has them, whichever version they began on (the step's record
     * names the version it began on, also once the engine has moved it to the latest): the grade to choose, the reply
     * required. Every version has the same steps.
     */
    private String latestSupervision(String processDefinitionId) {
        return repositoryService.createProcessDefinitionQuery().processDefinitionKey(DeadlineSupervision.PROCESS_KEY)
                .latestVersion().list().stream().findFirst().map(ProcessDefinition::getId).orElse(processDefinitionId);
    }

    @Override
    public Map<String, byte[]> texts(String key) {
        Map<String, byte[]> texts = new LinkedHashMap<>();
        ProcessDefinition latest = repositoryService.createProcessDefinitionQuery().processDefinitionKey(key)
                .latestVersion().list().stream().findFirst().orElse(null);
        if (latest != null) {
            for (String resource : repositoryService.getDeploymentResourceNames(latest.getDeploymentId())) {
                if (resource.startsWith("texts_") && resource.endsWith(".properties")) {
                    texts.put(resource, bytes(repositoryService.getResourceAsStream(latest.getDeploymentId(), resource)));
                }
            }
        }
        return texts;
    }

    private static byte[] bytes(InputStream content) {
        try (content) {
            return content.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("a kind's deployed texts could not be read", e);
        }
    }

    @Override
    public List<DeclaredProcess> processesOf(byte[] bpmn) {
        BpmnModelInstance model;
        try {
            model = Bpmn.readModelFromStream(new ByteArrayInputStream(bpmn));
        } catch (ModelException notBpmn) {
            throw new NotAModel(rootMessage(notBpmn));
        }
        return model.getModelElementsByType(Process.class).stream()
                .map(process -> new DeclaredProcess(process.getId(), StepProperties.all(process)))
                .toList();
    }

    @Override
    public List<String> deploy(String fileName, byte[] bpmn, Map<String, byte[]> texts) {
        DeploymentWithDefinitions deployment;
        try {
            var builder = repositoryService.createDeployment().name(fileName).enableDuplicateFiltering(true)
                    .addInputStream(fileName, new ByteArrayInputStream(bpmn));
            texts.forEach((textsName, content) -> builder.addInputStream(textsName, new ByteArrayInputStream(content)));
            deployment = builder.deployWithResult();
        } catch (ParseException invalid) {
            String problems = invalid.getResorceReports().stream().flatMap(report -> report.getErrors().stream())
                    .map(problem -> problem.getMainElementId() == null ? problem.getMessage()
                            : problem.getMainElementId() + ": " + problem.getMessage())
                    .collect(Collectors.joining("; "));
            throw new ModelRefusedByEngine(problems.isEmpty() ? invalid.getMessage() : problems);
        } catch (ProcessEngineException refused) {
            throw new ModelRefusedByEngine(rootMessage(refused));
        }
        return deployment.getDeployedProcessDefinitions() == null ? List.of()
                : deployment.getDeployedProcessDefinitions().stream().map(ProcessDefinition::getKey).toList();
    }

    private KindModel modelOf(ProcessDefinition definition) {
        return modelsByDefinition.computeIfAbsent(definition.getId(), id -> read(definition));
    }

    private KindModel read(ProcessDefinition definition) {
        BpmnModelInstance model = repositoryService.getBpmnModelInstance(definition.getId());
        Process process = model.getModelElementById(definition.getKey());
        List<Step> steps = model.getModelElementsByType(UserTask.class).stream()
                .filter(task -> isIn(task, process))
                .map(task -> new Step(task.getId(), task.getName(), task.getCamundaCandidateGroups(),
                        StepForm.of(task).fields(), StepProperties.of(task, StepProperties.ATTACHMENTS)))
                .toList();
        String documentation = process == null ? null : process.getDocumentations().stream()
                .map(Documentation::getTextContent).map(String::strip).findFirst().orElse(null);
        return new KindModel(definition.getId(), definition.getKey(), definition.getName(), definition.getVersion(),
                documentation, steps, process == null ? Map.of() : StepProperties.all(process));
    }

    private static boolean isIn(UserTask task, Process process) {
        if (process == null) {
            return true;
        }
        for (var parent = task.getParentElement(); parent != null; parent = parent.getParentElement()) {
            if (parent.equals(process)) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage();
    }
}
