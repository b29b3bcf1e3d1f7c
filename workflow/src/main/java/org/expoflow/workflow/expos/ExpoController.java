package org.expoflow.workflow.expos;

import java.net.URI;
import java.util.Map;

import org.expoflow.projections.api.ExpoList;
import org.expoflow.projections.api.ExpoSummary;
import org.expoflow.workflow.expos.ExpoWork.EnrolUnitRequest;
import org.expoflow.workflow.expos.ExpoWork.PlanExpoRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The REST door to {@link ExpoWork}. */
@RestController
@RequestMapping("/api/expos")
@Tag(name = "Expos", description = "Plan an expo and enrol the units that prepare it")
public class ExpoController {

    private final ExpoWork expos;

    public ExpoController(ExpoWork expos) {
        this.expos = expos;
    }

    @PostMapping
    @Operation(summary = "Plan an expo")
    public ResponseEntity<Map<String, String>> plan(@RequestBody PlanExpoRequest request) {
        String expoId = expos.plan(request);
        return ResponseEntity.created(URI.create("/api/expos/" + expoId)).body(Map.of("id", expoId));
    }

    @GetMapping
    @Operation(summary = "List the expos being prepared")
    public ExpoList list() {
        return expos.list();
    }

    @GetMapping("/{expoId}")
    @Operation(summary = "An expo with its enrolled units")
    public ExpoSummary get(@PathVariable String expoId) {
        return expos.get(expoId);
    }

    @PostMapping("/{expoId}/units")
    @Operation(summary = "Enrol a city or department in the expo's preparation")
    public ResponseEntity<Map<String, String>> enrol(@PathVariable String expoId, @RequestBody EnrolUnitRequest request) {
        expos.enrol(expoId, request);
        return ResponseEntity.created(URI.create("/api/expos/" + expoId))
                .body(Map.of("expoId", expoId, "unitId", request.unitId()));
    }
}
