package cn.gongfu.supervision;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The light an item shows (亮灯): the grade of its open warning ({@code yellow}, {@code orange}, {@code red}) and why.
 * Pages show it with the shared fragment {@code supervision/light :: light(${light})}: the colour and the grade's
 * word, so it never relies on colour alone.
 */
public record Light(String grade, String reason) {

    /** From the least to the most serious. */
    public static final List<String> GRADES = List.of("yellow", "orange", "red");

    public int severity() {
        return GRADES.indexOf(grade);
    }

    public String cssClass() {
        return "light-" + grade;
    }

    /** Bundle key of the grade's word: 黄灯, 橙灯, 红灯. */
    public String labelKey() {
        return "light." + grade;
    }

    /** Bundle key of the reason: lagging, seriously lagging, regressing, milestone late. */
    public String reasonKey() {
        return "light.reason." + reason;
    }

    /** The most serious of several lights, if any. */
    public static Optional<Light> worst(Collection<Light> lights) {
        return lights.stream().max(Comparator.comparingInt(Light::severity));
    }
}
