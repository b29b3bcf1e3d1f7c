package org.expoflow.workflow.audit;

import org.expoflow.workflow.http.PageDoor;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The auditor's page of the security audit log: filters by day, person and action, the entries newest first, the
 * same as a workbook, the retention, and the line of the last check of the seals. A filter that cannot be read is
 * refused under its field, and no entry is shown.
 */
@Controller
@PageDoor
@PreAuthorize("hasRole('AUDITOR')")
class AuditPages {

    private final AuditReading reading;
    private final Seals seals;
    private final int retentionDays;

    AuditPages(AuditReading reading, Seals seals,
               @Value("${expoflow.audit.retention-days:" + AuditRetention.LEAST_DAYS + "}") int retentionDays) {
        this.reading = reading;
        this.seals = seals;
        this.retentionDays = retentionDays;
    }

    @GetMapping("/audit")
    String log(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
               @RequestParam(required = false) String actor, @RequestParam(required = false) String action, Model model) {
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        model.addAttribute("actor", actor);
        model.addAttribute("action", action);
        model.addAttribute("actions", reading.actions());
        model.addAttribute("reading", reading);
        model.addAttribute("retentionDays", retentionDays);
        model.addAttribute("most", AuditQuery.MOST);
        model.addAttribute("seals", seals.lastCheck());
        try {
            model.addAttribute("entries", reading.entries(reading.query(from, to, actor, action, null)));
        } catch (org.expoflow.commands.api.DomainRuleViolation refused) {
            model.addAttribute("entries", java.util.List.of());
            model.addAttribute("faults", java.util.Map.of(String.valueOf(refused.field()), reading.refusal(refused)));
        }
        return "audit";
    }

    @GetMapping(value = "/audit", params = "format=xlsx")
    ResponseEntity<byte[]> workbook(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                                    @RequestParam(required = false) String actor, @RequestParam(required = false) String action) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(AuditReading.XLSX))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"audit.xlsx\"")
                .body(reading.workbook(reading.query(from, to, actor, action, null)));
    }
}
