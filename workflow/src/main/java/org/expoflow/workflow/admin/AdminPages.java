package org.expoflow.workflow.admin;

import org.expoflow.commands.api.DomainRuleViolation;
import org.expoflow.projections.support.ProjectionRebuild;
import org.expoflow.workflow.engine.ConsistencyCheck;
import org.expoflow.workflow.http.PageDoor;
import org.expoflow.workflow.http.PageErrors;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The administrator's own pages: {@code /admin}, where ADMIN lands, leading to the register, the kinds, the robots,
 * the deliveries and the read models; and {@code /admin/read-models}, the read models' progress, a rebuild started,
 * and the consistency check of engine, events and task lists. What the read models say is shown as
 * {@link ProjectionRebuild} tells it, field for field, as {@code /api/admin} does.
 */
@Controller
@PageDoor
@PreAuthorize("hasRole('ADMIN')")
class AdminPages {

    private final ProjectionRebuild rebuild;
    private final ConsistencyCheck consistency;
    private final PageErrors pageErrors;

    AdminPages(ProjectionRebuild rebuild, ConsistencyCheck consistency, PageErrors pageErrors) {
        this.rebuild = rebuild;
        this.consistency = consistency;
        this.pageErrors = pageErrors;
    }

    @GetMapping("/admin")
    String home() {
        return "admin/home";
    }

    @GetMapping("/admin/read-models")
    String readModels(@RequestParam(defaultValue = "false") boolean check, Model model) {
        model.addAttribute("progress", rebuild.progress());
        if (check) {
            model.addAttribute("report", consistency.run());
        }
        return "admin/read-models";
    }

    @PostMapping("/admin/read-models/{name}/rebuild")
    String rebuild(@PathVariable String name, RedirectAttributes redirect) {
        if (pageErrors.attempt(redirect, () -> {
            if (!rebuild.rebuild(name)) {
                throw DomainRuleViolation.notFound("name", "no projection named '" + name + "'").coded("noProjection", name);
            }
        })) {
            redirect.addFlashAttribute(PageErrors.DONE, "rebuildStarted");
        }
        return "redirect:/admin/read-models";
    }
}
