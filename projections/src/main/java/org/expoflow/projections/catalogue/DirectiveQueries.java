package org.expoflow.projections.catalogue;

import java.util.List;

import org.axonframework.queryhandling.QueryHandler;
import org.expoflow.projections.api.FindDirective;
import org.expoflow.projections.api.FindDirectivesTitled;
import org.expoflow.projections.support.Times;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** One directive with its units, and the directives of an expo by title, as {@link CatalogueProjection} keeps them. */
@Component
public class DirectiveQueries {

    private final JdbcTemplate jdbc;

    public DirectiveQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @QueryHandler
    public FindDirective.Directive handle(FindDirective query) {
        List<FindDirective.DirectiveUnit> units = jdbc.query("select unit_id, finished_at from directive_unit_view"
                        + " where directive_id = ? order by unit_id",
                (rs, n) -> new FindDirective.DirectiveUnit(rs.getString("unit_id"), Times.instant(rs, "finished_at")),
                query.directiveId());
        List<FindDirective.Directive> found = jdbc.query("select * from directive_view where directive_id = ?",
                (rs, n) -> new FindDirective.Directive(rs.getString("directive_id"), rs.getString("expo_id"), rs.getString("title"),
                        rs.getString("kind"), rs.getString("instructions"), Times.instant(rs, "issued_at"),
                        Times.instant(rs, "due_at"), Times.instant(rs, "withdrawn_at"), rs.getString("withdrawal_reason"),
                        units), query.directiveId());
        return found.isEmpty() ? null : found.get(0);
    }

    @QueryHandler
    public FindDirectivesTitled.Found handle(FindDirectivesTitled query) {
        String title = query.title() == null ? "" : query.title().strip();
        return new FindDirectivesTitled.Found(jdbc.query("select directive_id, issued_at from directive_view where expo_id = ?"
                        + " and title = ? and withdrawn_at is null order by issued_at, directive_id",
                (rs, n) -> new FindDirectivesTitled.Titled(rs.getString("directive_id"), Times.instant(rs, "issued_at")),
                query.expoId(), title));
    }
}
