package org.expoflow.workflow.audit;

import java.util.List;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The security audit log and the seals' check, for the AUDITOR only; nothing here changes anything. */
@RestController
@RequestMapping("/api/audit")
@PreAuthorize("hasRole('AUDITOR')")
@Tag(name = "Audit", description = "The security audit log (sign-ins, lockouts, changes, exports, attachments opened,"
        + " rebuilds) and the seals over the stored records; for AUDITOR")
public class AuditController {

    private final AuditReading reading;
    private final Seals seals;

    public AuditController(AuditReading reading, Seals seals) {
        this.reading = reading;
        this.seals = seals;
    }

    @GetMapping
    @Operation(summary = "Entries, newest first, filtered by time (from, to: a day or an instant), person (actor) and action;"
            + " format=xlsx for a workbook")
    public ResponseEntity<?> entries(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                                     @RequestParam(required = false) String actor, @RequestParam(required = false) String action,
                                     @RequestParam(required = false) Integer limit,
                                     @RequestParam(required = false) String format) {
        if (format != null && !format.equals("xlsx") && !format.equals("json")) {
            throw org.expoflow.commands.api.DomainRuleViolation.invalid("format", "format is json or xlsx")
                    .coded("fieldNotOneOf", "format", format, "json, xlsx");
        }
        AuditQuery query = reading.query(from, to, actor, action, limit);
        if ("xlsx".equals(format)) {
            return ResponseEntity.ok().contentType(MediaType.parseMediaType(AuditReading.XLSX))
                    .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"audit.xlsx\"")
                    .body(reading.workbook(query));
        }
        List<AuditEntry> entries = reading.entries(query);
        return ResponseEntity.ok(entries);
    }

    @GetMapping("/seals/check")
    @Operation(summary = "Recompute the chain of seals over the events, the engine's history and the audit entries;"
            + " says whether it holds and names the first row at fault")
    public SealCheck check() {
        return seals.check();
    }
}
