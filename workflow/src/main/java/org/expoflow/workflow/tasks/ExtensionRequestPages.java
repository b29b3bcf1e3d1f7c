package org.expoflow.workflow.tasks;

import java.nio.charset.StandardCharsets;

import org.expoflow.workflow.http.PageErrors;
import org.expoflow.workflow.security.ExpoFlowUser;
import org.expoflow.workflow.http.PageDoor;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.util.UriUtils;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The page forms of extension requests (延期申请): the clerk asks on the step page; the office decides on the step
 * page or from the console's list (then {@code expoId} names the console to return to).
 */
@Controller
@PageDoor
class ExtensionRequestPages {

    private final ExtensionRequests extensionRequests;
    private final PageErrors pageErrors;

    ExtensionRequestPages(ExtensionRequests extensionRequests, PageErrors pageErrors) {
        this.extensionRequests = extensionRequests;
        this.pageErrors = pageErrors;
    }

    @PostMapping("/tasks/{taskId}/extension-request")
    String ask(@AuthenticationPrincipal ExpoFlowUser user, @PathVariable String taskId,
               @RequestParam(required = false) String dueOn, @RequestParam(required = false) String reason,
               RedirectAttributes redirect) {
        if (pageErrors.attempt(redirect, () -> extensionRequests.ask(user, taskId,
                new ExtensionRequests.Ask(pageErrors.date(dueOn, "dueOn"), reason)))) {
            redirect.addFlashAttribute(PageErrors.DONE, "extensionRequested");
        }
        return "redirect:/tasks/" + taskId + "#extension";
    }

    @PostMapping("/tasks/{taskId}/extension-request/decision")
    String decide(@AuthenticationPrincipal ExpoFlowUser user, @PathVariable String taskId, @RequestParam boolean approve,
                  @RequestParam(required = false) String comment, @RequestParam(required = false) String expoId,
                  RedirectAttributes redirect) {
        if (pageErrors.attempt(redirect, () -> extensionRequests.decide(user, taskId, new ExtensionRequests.Decision(approve,
                comment == null || comment.isBlank() ? null : comment)))) {
            redirect.addFlashAttribute(PageErrors.DONE, approve ? "extensionApproved" : "extensionRefused");
        }
        if (expoId == null || expoId.isBlank()) {
            return "redirect:/tasks/" + UriUtils.encodePathSegment(taskId, StandardCharsets.UTF_8) + "#extension";
        }
        // as a query parameter, never in the view's name, where braces would be read as a template
        redirect.addAttribute("expoId", expoId);
        return "redirect:/console#extensionRequests";
    }
}
