package org.expoflow.workflow.exports;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.expoflow.workflow.exports.SavedFilters.SaveFilterRequest;
import org.expoflow.workflow.exports.SavedFilters.SavedFilter;
import org.expoflow.workflow.exports.SavedFilters.SavedList;
import org.expoflow.workflow.security.ExpoFlowUser;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The REST door to {@link SavedFilters}. */
@RestController
@RequestMapping("/api/filters")
@Tag(name = "Saved filters", description = "A list's filters saved under a name, yours or shared with your role")
public class SavedFilterController {

    private final SavedFilters filters;

    public SavedFilterController(SavedFilters filters) {
        this.filters = filters;
    }

    @GetMapping
    @Operation(summary = "Your saved filters and those shared with your role, of one list (TASKS, OVERDUE, DUE_SOON, STATISTICS) or all")
    public List<SavedFilter> list(@AuthenticationPrincipal ExpoFlowUser user, @RequestParam(required = false) SavedList list) {
        return filters.visibleTo(user, list);
    }

    @PostMapping
    @Operation(summary = "Save a list's filters under a name; sharedWith a role to let its users use them too")
    public ResponseEntity<Map<String, String>> save(@AuthenticationPrincipal ExpoFlowUser user, @RequestBody SaveFilterRequest request) {
        String id = filters.save(user, request);
        return ResponseEntity.created(URI.create("/api/filters/" + id)).body(Map.of("id", id));
    }

    @DeleteMapping("/{filterId}")
    @Operation(summary = "Remove one of your saved filters")
    public ResponseEntity<Void> remove(@AuthenticationPrincipal ExpoFlowUser user, @PathVariable String filterId) {
        filters.remove(user, filterId);
        return ResponseEntity.noContent().build();
    }
}
