package cn.gongfu.web;

import cn.gongfu.kernel.StorableText;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.module.SimpleModule;

/**
 * Every string of every JSON body passes {@link StorableText}: one deserializer for all of them, so a NUL in any
 * field is a 400 naming that field (Jackson's path, see {@code ApiProblems.handleHttpMessageNotReadable}).
 */
@Configuration(proxyBeanMethods = false)
class StorableTextJson {

    @Bean
    JacksonModule storableTextModule() {
        return new SimpleModule("storable-text").addDeserializer(String.class, new Deserializer());
    }

    /** Jackson's own string deserializer, then the check. */
    static final class Deserializer extends StringDeserializer {

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) {
            String text = super.deserialize(p, ctxt);
            String problem = StorableText.problem(text);
            if (problem != null) throw new UnstorableText(p, problem);
            return text;
        }
    }

    /** The text is kept out of the exception: it could not be shown back anyway. */
    public static final class UnstorableText extends InvalidFormatException {
        UnstorableText(JsonParser p, String problem) {
            super(p, problem, null, String.class);
        }
    }
}
