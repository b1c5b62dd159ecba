package cn.gongfu.evaluation.survey;

import java.time.LocalDate;

/** One wave of the four-senses survey in a region, on a k-point scale. */
public record SurveyWave(long id, String regionCode, String name, LocalDate fieldedOn, int scalePoints) {}
