package cn.gongfu.plan;

import cn.gongfu.kernel.InvalidParameterException;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What of a public plan the portal shows beyond its overview (the realization degree, the statuses, the most lagging
 * indicators), as the office chooses: the depth of publication. Stored as a comma list of codes on the plan.
 */
public enum PublicSection {
    TASKS, INDICATORS, RANKINGS, BULLETINS, CASES;

    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The sections of a stored comma list; codes no longer known are skipped (a list is never refused on read). */
    static Set<PublicSection> parse(String stored) {
        Set<PublicSection> sections = EnumSet.noneOf(PublicSection.class);
        if (stored == null) return sections;
        for (String code : stored.split(",")) byCode(code).ifPresent(sections::add);
        return sections;
    }

    /**
     * The sections the office asked for by code; blank codes are skipped (the form's marker that it sent its boxes),
     * an unknown code is refused, naming the parameter.
     */
    public static Set<PublicSection> of(Collection<String> codes) {
        Set<PublicSection> sections = EnumSet.noneOf(PublicSection.class);
        if (codes == null) return sections;
        for (String code : codes) {
            if (code == null || code.isBlank()) continue;
            sections.add(byCode(code).orElseThrow(() -> new InvalidParameterException("sections",
                            "each one of " + Arrays.stream(values()).map(PublicSection::code).toList())));
        }
        return sections;
    }

    private static java.util.Optional<PublicSection> byCode(String code) {
        return Arrays.stream(values()).filter(s -> s.code().equals(code.strip())).findFirst();
    }

    static String store(Set<PublicSection> sections) {
        return sections.isEmpty() ? null : sections.stream().sorted().map(PublicSection::code).collect(Collectors.joining(","));
    }
}
