package org.expoflow.workflow.admin;

import org.expoflow.commands.api.DomainRuleViolation;
import java.util.List;

import org.expoflow.projections.support.ProjectionRebuild;
import org.expoflow.projections.support.ProjectionRebuild.ProjectionProgress;
import org.expoflow.workflow.engine.ConsistencyCheck;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/admin")
@PreAuthorize("hasRole('ADMIN')")
@Tag(name = "Administration", description = "Projections and their rebuild; the consistency of engine, events and views")
public class AdminController {

    private final ProjectionRebuild rebuild;
    private final ConsistencyCheck consistency;

    public AdminController(ProjectionRebuild rebuild, ConsistencyCheck consistency) {
        this.rebuild = rebuild;
        this.consistency = consistency;
    }

    @GetMapping("/consistency")
    @Operation(summary = "Compare the engine's open tasks with the event store and the task list; list every difference")
    public ConsistencyCheck.Report consistency() {
        return consistency.run();
    }

    @GetMapping("/projections")
    @Operation(summary = "Every projection with its position (events processed) against the event store's head")
    public List<ProjectionProgress> progress() {
        return rebuild.progress();
    }

    @GetMapping("/projections/{name}")
    @Operation(summary = "One projection (read-models): whether a rebuild runs beside the live model, the new model's"
            + " position against the event store's head, and why the last rebuild failed until one succeeds")
    public ProjectionProgress progress(@PathVariable String name) {
        return rebuild.progress().stream().filter(projection -> projection.name().equals(name)).findFirst()
                .orElseThrow(() -> noProjection(name));
    }

    @PostMapping("/projections/{name}/rebuild")
    @Operation(summary = "Replay every event into new tables beside the live read models, which go on answering, and"
            + " put them in place once caught up; wait=true answers once switched, or 500 with the reason when the rebuild"
            + " failed (the live model then serves on, and the progress shows the failure until a rebuild succeeds)")
    public List<ProjectionProgress> rebuild(@PathVariable String name, @RequestParam(defaultValue = "false") boolean wait) {
        if (!rebuild.rebuild(name)) {
            throw noProjection(name);
        }
        if (wait) {
            rebuild.awaitRebuilt(name);
        }
        return rebuild.progress();
    }

    private static DomainRuleViolation noProjection(String name) {
        return DomainRuleViolation.notFound("name", "no projection named '" + name + "'; see GET /api/admin/projections")
                .coded("noProjection", name);
    }
}
