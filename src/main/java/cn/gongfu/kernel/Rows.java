package cn.gongfu.kernel;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.beans.BeanUtils;
import org.springframework.core.MethodParameter;
import org.springframework.core.convert.ConversionService;
import org.springframework.core.convert.TypeDescriptor;
import org.springframework.core.convert.support.DefaultConversionService;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.support.JdbcUtils;

/**
 * Maps rows to a record by its components' names: column {@code region_code} (or {@code regioncode}) to component
 * {@code regionCode}, read from the result set's metadata once per result set.
 *
 * <p>Spring's {@code DataClassRowMapper} asks the result set for each component's column by its lower-case name
 * first ({@code findColumn("regioncode")}) and only then by its underscored name; the first ask throws an
 * {@link SQLException} for every multi-word column on every row, and H2 writes each to its trace file (issue 15: 78 MB
 * in 30 minutes, a quarter of the overview's CPU). This mapper throws nothing while the columns match, and a query
 * that lacks a component's column fails on its first row naming the component.
 */
public final class Rows<T extends Record> implements RowMapper<T> {

    private static final ConversionService CONVERSION = DefaultConversionService.getSharedInstance();

    private final Class<T> type;
    private final Constructor<T> constructor;
    private final String[] names;
    private final TypeDescriptor[] types;
    private final Map<String, Integer> componentByName = new HashMap<>();
    /** The column of each component, for the result set it was resolved on (immutable, so threads may share it). */
    private volatile Columns columns;

    private record Columns(ResultSet resultSet, int[] index) {}

    private Rows(Class<T> type) {
        this.type = type;
        RecordComponent[] components = type.getRecordComponents();
        Class<?>[] parameters = new Class<?>[components.length];
        names = new String[components.length];
        types = new TypeDescriptor[components.length];
        for (int i = 0; i < components.length; i++) {
            parameters[i] = components[i].getType();
            names[i] = components[i].getName();
            componentByName.put(names[i].toLowerCase(Locale.ROOT), i);
        }
        constructor = canonical(type, parameters);
        for (int i = 0; i < components.length; i++) types[i] = new TypeDescriptor(new MethodParameter(constructor, i));
    }

    private static <T> Constructor<T> canonical(Class<T> type, Class<?>[] parameters) {
        try {
            Constructor<T> constructor = type.getDeclaredConstructor(parameters);
            constructor.setAccessible(true);
            return constructor;
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(type + " has no canonical constructor", e);
        }
    }

    /** A mapper of rows to {@code type}; keep it in a constant, it caches the columns of the last result set. */
    public static <T extends Record> Rows<T> of(Class<T> type) {
        return new Rows<>(type);
    }

    @Override
    public T mapRow(ResultSet rs, int rowNum) throws SQLException {
        Columns resolved = columns;
        if (resolved == null || resolved.resultSet() != rs) {
            resolved = new Columns(rs, resolve(rs.getMetaData()));
            columns = resolved;
        }
        Object[] args = new Object[names.length];
        for (int i = 0; i < names.length; i++) {
            Object value = JdbcUtils.getResultSetValue(rs, resolved.index()[i], types[i].getType());
            args[i] = value == null || types[i].getObjectType().isInstance(value) ? value
                    : CONVERSION.convert(value, TypeDescriptor.forObject(value), types[i]);
        }
        // BeanUtils gives a primitive component its default for SQL NULL, as DataClassRowMapper did
        return BeanUtils.instantiateClass(constructor, args);
    }

    /** The column of each component: label {@code region_code} or {@code regioncode} for {@code regionCode}. */
    int[] resolve(ResultSetMetaData metadata) throws SQLException {
        int[] index = new int[names.length];
        for (int column = metadata.getColumnCount(); column >= 1; column--) {
            String label = JdbcUtils.lookupColumnName(metadata, column).toLowerCase(Locale.ROOT);
            Integer component = componentByName.get(label.replace("_", ""));
            // the first column of a name wins, as findColumn's would
            if (component != null) index[component] = column;
        }
        for (int i = 0; i < names.length; i++) {
            if (index[i] == 0) {
                throw new IllegalStateException("the query for " + type.getSimpleName() + " has no column for " + names[i]);
            }
        }
        return index;
    }
}
