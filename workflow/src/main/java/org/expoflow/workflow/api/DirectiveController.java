package org.expoflow.workflow.api;

import org.expoflow.commands.api.DomainRuleViolation;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.axonframework.modelling.command.AggregateNotFoundException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.expoflow.commands.api.IssueDirective;
import org.expoflow.commands.api.WithdrawDirective;
import org.expoflow.projections.support.ProjectionCatchUp;
import org.expoflow.workflow.engine.ActingContext;
import org.expoflow.workflow.engine.DirectiveProcessVariables;
import org.expoflow.workflow.kinds.DirectiveKind;
import org.expoflow.workflow.kinds.DirectiveKindCatalogue;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

@RestController
@Tag(name = "Directives", description = "Directive kinds (BPMN) and the directives issued to units")
public class DirectiveController {

    private final ActingContext acting;
    private final ProjectionCatchUp catchUp;
    private final DirectiveKindCatalogue kinds;
    private final RuntimeService runtimeService;
    private final TransactionTemplate transactions;
    private final DirectiveRequests directiveRequests;

    public DirectiveController(ActingContext acting, ProjectionCatchUp catchUp, DirectiveKindCatalogue kinds,
                               RuntimeService runtimeService, TransactionTemplate transactions,
                               DirectiveRequests directiveRequests) {
        this.directiveRequests = directiveRequests;
        this.runtimeService = runtimeService;
        this.transactions = transactions;
        this.acting = acting;
        this.catchUp = catchUp;
        this.kinds = kinds;
    }

    /**
     * {@code dueOn} is the last day, in the province's time zone; {@code dueAt}, when given, is the precise
     * instant and wins. Targets are per unit.
     */
    public record IssueDirectiveRequest(@NotBlank String expoId, @NotBlank String kind,
                                        @NotBlank @Size(max = 300) String title,
                                        @Size(max = 4000) String instructions,
                                        LocalDate dueOn, Instant dueAt,
                                        @NotEmpty @Size(max = 200) List<@NotBlank String> unitIds,
                                        Map<String, @NotNull BigDecimal> targets) {
    }

    public record WithdrawRequest(@NotBlank @Size(max = 2000) String reason) {
    }

    @PostMapping("/api/directives/{directiveId}/withdraw")
    @PreAuthorize("hasRole('COORDINATOR')")
    @Operation(summary = "Withdraw a directive: every unit's open work on it ends, its tasks close as withdrawn")
    public ResponseEntity<Void> withdraw(@PathVariable String directiveId, @Valid @RequestBody WithdrawRequest request) {
        transactions.executeWithoutResult(status -> {
            try {
                acting.send(new WithdrawDirective(directiveId, acting.currentActor(), request.reason()));
            } catch (AggregateNotFoundException e) {
                throw DomainRuleViolation.notFound("directiveId", "no directive with id " + directiveId);
            }
            for (ProcessInstance unitProcess : runtimeService.createProcessInstanceQuery()
                    .processInstanceBusinessKeyLike(DirectiveProcessVariables.businessKey(directiveId, "%")).list()) {
                runtimeService.deleteProcessInstance(unitProcess.getId(), DirectiveProcessVariables.WITHDRAWN);
            }
        });
        catchUp.awaitHead();
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/directive-kinds")
    @Operation(summary = "The directive kinds that can be issued, with their steps and figures")
    public List<DirectiveKind> kinds() {
        return kinds.all();
    }

    @PostMapping("/api/directives")
    @PreAuthorize("hasRole('COORDINATOR')")
    @Operation(summary = "Issue a directive to units: one process per unit starts at once")
    public ResponseEntity<Map<String, String>> issue(@Valid @RequestBody IssueDirectiveRequest request) {
        IssueDirective command = directiveRequests.prepare(request, "", null);
        acting.send(command);
        catchUp.awaitHead();
        return ResponseEntity.created(URI.create("/api/tasks?directiveId=" + command.directiveId()))
                .body(Map.of("id", command.directiveId()));
    }
}
