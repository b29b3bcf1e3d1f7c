package org.expoflow.workflow.notifications;

import java.util.Map;

import org.expoflow.workflow.http.PageDoor;
import org.expoflow.workflow.http.PageErrors;
import org.expoflow.workflow.units.UnitRegister;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * ADMIN's pages of the group robots and what was sent to them: {@code /admin/robots} sets a unit's robot (where
 * {@link RobotAddresses} allows) and sends it a test message there and then; {@code /admin/deliveries} lists the
 * deliveries, those waiting or failed first if asked, and sends one again. Both go through {@link Deliveries}, as
 * the API does.
 */
@Controller
@PageDoor
@PreAuthorize("hasRole('ADMIN')")
class RobotPages {

    private final Deliveries deliveries;
    private final UnitRegister units;
    private final NoticeTexts texts;
    private final PageErrors pageErrors;
    private final DeliveryErrors errors;

    RobotPages(Deliveries deliveries, UnitRegister units, NoticeTexts texts, PageErrors pageErrors, DeliveryErrors errors) {
        this.errors = errors;
        this.deliveries = deliveries;
        this.units = units;
        this.texts = texts;
        this.pageErrors = pageErrors;
    }

    @GetMapping("/admin/robots")
    String robots(Model model) {
        model.addAttribute("units", units.all());
        model.addAttribute("webhooks", deliveries.webhooks());
        return "admin/robots";
    }

    @PostMapping("/admin/robots/{unitId}")
    String setRobot(@PathVariable String unitId, @RequestParam(required = false) String url, RedirectAttributes redirect) {
        if (pageErrors.attempt(redirect, () -> deliveries.setWebhook(unitId, url))) {
            redirect.addFlashAttribute(PageErrors.DONE, "robotSet");
        } else {
            redirect.addFlashAttribute("entered", Map.of("url", url == null ? "" : url));
        }
        redirect.addFlashAttribute("robotUnit", unitId);
        return "redirect:/admin/robots#robot-" + unitId;
    }

    @PostMapping("/admin/robots/{unitId}/test")
    String test(@PathVariable String unitId, RedirectAttributes redirect) {
        pageErrors.attempt(redirect, () -> {
            Deliveries.RobotTest test = deliveries.sendTest(unitId);
            redirect.addFlashAttribute("robotTest", new Deliveries.RobotTest(test.unitId(), test.address(), test.delivered(),
                    errors.inWords(test.failure())));
        });
        redirect.addFlashAttribute("robotUnit", unitId);
        return "redirect:/admin/robots#robot-" + unitId;
    }

    @GetMapping("/admin/deliveries")
    String deliveries(@RequestParam(required = false) String state, Model model) {
        String chosen = state == null || state.isBlank() ? null : state;
        model.addAttribute("state", chosen);
        model.addAttribute("deliveries", deliveries.deliveries(chosen).stream().map(delivery -> new DeliveryRow(delivery,
                // a digest's note is the day's lines: its heading says enough here
                texts.text(delivery.notice(), delivery.taskId(), Notice.DIGEST.name().equals(delivery.notice()) ? null
                        : delivery.note()), errors.inWords(delivery.lastError()))).toList());
        return "admin/deliveries";
    }

    /** A delivery with what it told and why it failed, if it did, in the reader's words. */
    record DeliveryRow(Deliveries.Delivery delivery, String words, String error) {
    }

    @PostMapping("/admin/deliveries/{deliveryId}/retry")
    String retry(@PathVariable String deliveryId, @RequestParam(required = false) String state, RedirectAttributes redirect) {
        if (pageErrors.attempt(redirect, () -> deliveries.retry(deliveryId))) {
            redirect.addFlashAttribute(PageErrors.DONE, "deliveryRetried");
        }
        // back to the list as it was filtered: a state's name only, never anything else the form carried
        return "redirect:/admin/deliveries" + (state != null && state.matches("[A-Z]{1,16}") ? "?state=" + state : "");
    }
}
