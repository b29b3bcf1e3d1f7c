package org.expoflow.workflow.directives;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.expoflow.projections.api.FindDirective;
import org.expoflow.projections.api.FindDirectiveComments;
import org.expoflow.workflow.directives.DirectiveWork.DirectiveCommentRequest;
import org.expoflow.workflow.directives.DirectiveWork.IssueDirectiveRequest;
import org.expoflow.workflow.directives.DirectiveWork.WithdrawRequest;
import org.expoflow.workflow.kinds.DirectiveKind;
import org.expoflow.workflow.security.ExpoFlowUser;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The REST door to {@link DirectiveWork}. */
@RestController
@Tag(name = "Directives", description = "Directive kinds (BPMN) and the directives issued to units")
public class DirectiveController {

    private final DirectiveWork directives;

    public DirectiveController(DirectiveWork directives) {
        this.directives = directives;
    }

    @PostMapping("/api/directives/{directiveId}/withdraw")
    @Operation(summary = "Withdraw a directive: every unit's open work on it ends, its tasks close as withdrawn")
    public ResponseEntity<Void> withdraw(@PathVariable String directiveId, @RequestBody WithdrawRequest request) {
        directives.withdraw(directiveId, request);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/directives/{directiveId}")
    @Operation(summary = "A directive with its units (each with when it finished) and, once withdrawn, when and why")
    public FindDirective.Directive directive(@PathVariable String directiveId) {
        return directives.get(directiveId);
    }

    @PostMapping("/api/directives/{directiveId}/comments")
    @Operation(summary = "Comment on a directive as a whole; a leader's {instruction: true} is an instruction (批示) to all its units")
    public ResponseEntity<Void> comment(@AuthenticationPrincipal ExpoFlowUser user, @PathVariable String directiveId,
                                        @RequestBody DirectiveCommentRequest request) {
        directives.comment(user, directiveId, request);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/directives/{directiveId}/comments")
    @Operation(summary = "A directive's own thread, oldest first")
    public FindDirectiveComments.Thread comments(@AuthenticationPrincipal ExpoFlowUser user, @PathVariable String directiveId) {
        return directives.thread(user, directiveId);
    }

    @GetMapping("/api/directive-kinds")
    @Operation(summary = "The directive kinds that can be issued, with their steps and figures")
    public List<DirectiveKind> kinds() {
        return directives.kinds();
    }

    @PostMapping("/api/directives")
    @Operation(summary = "Issue a directive to units: one process per unit starts at once. A title in force in the expo"
            + " already is 409 naming title, unless the request says duplicateTitle: true")
    public ResponseEntity<Map<String, String>> issue(@RequestBody IssueDirectiveRequest request) {
        String directiveId = directives.issue(request);
        return ResponseEntity.created(URI.create("/api/tasks?directiveId=" + directiveId)).body(Map.of("id", directiveId));
    }
}
