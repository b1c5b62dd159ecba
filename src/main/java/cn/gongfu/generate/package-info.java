/**
 * A reproducible data set from a county to a province, written through the other modules' public services only
 * ({@code generate --scale county|city|province [--seed N]}): see {@link cn.gongfu.generate.DataSetGenerator}.
 */
package cn.gongfu.generate;
