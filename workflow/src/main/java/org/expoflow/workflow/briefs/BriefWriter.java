package org.expoflow.workflow.briefs;

import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.expoflow.projections.api.MeetingBrief;
import org.expoflow.workflow.kinds.FigureWords;
import org.expoflow.workflow.kinds.KindTexts;
import org.expoflow.workflow.units.UnitRegister;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.stereotype.Component;

/**
 * Writes a meeting's brief as the office writes one ({@link BriefText}), in its reader's language
 * ({@link BriefWording}): the masthead and lead, the one-page summary ({@link BriefSummary}), each directive in
 * detail ({@link BriefDetails}), and the annex ({@link BriefAnnex}); no key of the code anywhere. Bilingual, it is
 * written in Chinese and in English and the two are laid side by side, Chinese first ({@link BilingualBrief}). The
 * PDF, the Word document and the spreadsheet are each made from the text written here.
 */
@Component
public class BriefWriter {

    /** How many directives the printed brief details, the newest first; the spreadsheet details them all. */
    static final int PRINTED_DIRECTIVES = 100;

    private final ResourceBundleMessageSource words = new ResourceBundleMessageSource();
    private final KindTexts kinds;
    private final FigureWords figures;
    private final UnitRegister register;
    private final BriefRanking ranking;

    public BriefWriter(KindTexts kinds, FigureWords figures, UnitRegister register, BriefRanking ranking) {
        this.kinds = kinds;
        this.figures = figures;
        this.register = register;
        this.ranking = ranking;
        words.setBasename("briefs/words");
        words.setDefaultEncoding("UTF-8");
        words.setFallbackToSystemLocale(false);
    }

    /**
     * The brief of {@code brief}, the {@code issue}th meeting of its expo, its times in {@code zone}, people by
     * {@code people}'s names for them.
     */
    public BriefText write(MeetingBrief brief, int issue, BriefLanguage language, ZoneId zone, Map<String, String> people) {
        List<BriefText> texts = language.locales().stream()
                .map(locale -> text(brief, issue, wording(brief, locale, zone, people))).toList();
        return texts.stream().reduce(BilingualBrief::sideBySide).orElseThrow();
    }

    /** How the brief speaks to a reader of {@code locale}: the units it names are the register's, then the board's own. */
    private BriefWording wording(MeetingBrief brief, Locale locale, ZoneId zone, Map<String, String> people) {
        Map<String, String> unitNames = new LinkedHashMap<>(register.namesFor(locale));
        brief.board().units().forEach(unit -> unitNames.putIfAbsent(unit.unitId(), unit.name()));
        return new BriefWording(words, kinds, locale, zone, brief.meeting().asOf(), people, unitNames, figures.all(locale),
                register.order());
    }

    private BriefText text(MeetingBrief brief, int issue, BriefWording words) {
        Instant asOf = brief.meeting().asOf();
        String expo = brief.board().expoName();
        BriefDetails directives = new BriefDetails(brief, words);
        BriefText.Section details = directives.section();
        BriefText.Section printed = details;
        if (details.parts().size() > PRINTED_DIRECTIVES) {
            // a province's expo issues hundreds of directives: the spreadsheet holds every one
            printed = new BriefText.Section(details.heading(), List.of(words.say("moreDirectives",
                    details.parts().size() - PRINTED_DIRECTIVES)), List.of(), details.parts().subList(0, PRINTED_DIRECTIVES));
        }
        return new BriefText(words.say("masthead"), words.say("issue", issue), words.say("issuer", expo), words.date(asOf),
                brief.meeting().title(), words.say("lead", words.dateTime(asOf), words.zoneName(), expo), words.say("summary"),
                new BriefSummary(brief, words, ranking).sections(), printed, directives.everyDirective(details),
                new BriefAnnex(brief, words).section(), words.say("moreRows", "{0}"), words.say("none"));
    }
}
