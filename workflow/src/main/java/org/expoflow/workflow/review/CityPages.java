package org.expoflow.workflow.review;

import java.util.List;

import org.expoflow.projections.api.ExpoSummary;
import org.expoflow.workflow.expos.ExpoWork;
import org.expoflow.workflow.http.PageDoor;
import org.expoflow.workflow.security.ExpoFlowUser;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The page of one city ({@code /units/{unitId}?expoId=}), where a board cell leads: its directives and open steps, its
 * figures against targets, what is overdue, chased up, sent back or waiting for more time, and its latest history.
 */
@Controller
@PageDoor
@PreAuthorize("hasAnyRole('LEADER', 'COORDINATOR', 'ADMIN', 'CITY')")
class CityPages {

    private final CityReview cities;
    private final ExpoWork expos;

    CityPages(CityReview cities, ExpoWork expos) {
        this.cities = cities;
        this.expos = expos;
    }

    @GetMapping("/units/{unitId}")
    String city(@AuthenticationPrincipal ExpoFlowUser user, @PathVariable String unitId,
                @RequestParam(required = false) String expoId, @RequestParam(required = false) Integer page,
                @RequestParam(required = false) String directive, @RequestParam(required = false) Integer boardPage,
                Model model) {
        List<ExpoSummary> all = expos.list().expos();
        String expo = expoId != null && !expoId.isBlank() ? expoId : all.stream()
                .filter(e -> e.units().stream().anyMatch(unit -> unit.unitId().equals(unitId))).map(ExpoSummary::id)
                .findFirst().orElse(all.isEmpty() ? null : all.get(0).id());
        if (expo == null) {
            return "redirect:/board";
        }
        // a board's cell names its directive: the page opens where that directive is
        int shown = page != null ? page : directive != null && !directive.isBlank() ? cities.pageOf(expo, unitId, directive) : 0;
        model.addAttribute("city", cities.city(user, expo, unitId, shown));
        // 返回看板 goes back to the board's page the leader came from
        model.addAttribute("boardPage", boardPage != null && boardPage > 0 ? boardPage : null);
        return "city";
    }
}
