package org.expoflow.projections.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

/** A unit's row of the board, laid out under the page's directives: its cell under each, a gap where it has none. */
class BoardRowTest {

    private static final Instant ISSUED = Instant.parse("2026-12-01T01:00:00Z");

    @Test
    void aUnitsCellsStandUnderTheirDirectivesInThePagesOrderWithGapsWhereItHasNone() {
        Board.BoardCell buyers = cell("invite-buyers", 60);
        Board.BoardCell exhibits = cell("ship-exhibits", 0);
        Board.BoardUnit dalian = new Board.BoardUnit("dalian", "大连市", List.of(exhibits, buyers));

        List<Board.BoardCell> row = dalian.cellsIn(List.of(directive("invite-buyers"), directive("theme-activities"),
                directive("ship-exhibits")));

        assertThat(row).containsExactly(buyers, null, exhibits);
    }

    private static Board.BoardCell cell(String directiveId, int percent) {
        return new Board.BoardCell(directiveId, "dalian", UnitDirectiveStatus.IN_PROGRESS, percent, ISSUED.plusSeconds(86_400),
                false, false, null, false, Board.Light.GREEN, null, false, List.of(), null);
    }

    private static Board.BoardDirective directive(String directiveId) {
        return new Board.BoardDirective(directiveId, directiveId, "invite-buyers", ISSUED, null, null, null);
    }
}
