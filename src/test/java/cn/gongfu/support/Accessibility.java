package cn.gongfu.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.util.List;
import java.util.stream.Collectors;
import org.openqa.selenium.WebDriver;

/**
 * WCAG 2.1 AA checked the way auditors check it: Deque's axe-core run in the page the browser shows, on the rules
 * tagged for levels A and AA of WCAG 2.0 and 2.1 (contrast, names and labels, structure, language, keyboard focus
 * order that the markup decides). A violation fails the test with the rule, what it asks and where.
 */
public final class Accessibility {

    private static final List<String> WCAG_21_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");

    private Accessibility() {}

    public static void assertMeetsWcag21AA(WebDriver browser, String page) {
        String violations = violations(browser, page);
        assertThat(violations).as(() -> page + " meets WCAG 2.1 AA, but:\n" + violations).isEmpty();
    }

    /** What keeps the page from WCAG 2.1 AA, one rule a line with where ("" when nothing): for a test that collects. */
    public static String violations(WebDriver browser, String page) {
        Results results = new AxeBuilder().withTags(WCAG_21_AA).analyze(browser);
        assertThat(results.getErrorMessage()).as("axe-core ran on " + page).isNull();
        assertThat(results.getPasses()).as("axe-core checked something on " + page).isNotEmpty();
        return results.getViolations().isEmpty() ? "" : page + ":\n" + describe(results.getViolations());
    }

    private static String describe(List<Rule> violations) {
        return violations.stream().map(v -> "- " + v.getId() + " (" + v.getImpact() + "): " + v.getHelp() + "\n    "
                        + v.getNodes().stream().limit(5).map(n -> n.getTarget() + " " + abbreviate(n.getFailureSummary()))
                        .collect(Collectors.joining("\n    ")))
                .collect(Collectors.joining("\n"));
    }

    private static String abbreviate(String s) {
        if (s == null) return "";
        String one = s.replace('\n', ' ');
        return one.length() > 200 ? one.substring(0, 200) + "…" : one;
    }
}
