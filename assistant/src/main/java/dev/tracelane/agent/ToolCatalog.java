package dev.tracelane.agent;

import dev.langchain4j.agent.tool.Tool;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.agent.tool.ToolSpecifications;
import dev.langchain4j.model.chat.request.json.JsonBooleanSchema;
import dev.langchain4j.model.chat.request.json.JsonIntegerSchema;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.request.json.JsonSchemaElement;
import dev.langchain4j.model.chat.request.json.JsonStringSchema;
import dev.langchain4j.service.tool.DefaultToolExecutor;
import dev.langchain4j.service.tool.ToolExecutor;
import jakarta.inject.Singleton;

import java.lang.reflect.Method;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The tools as the model sees them: names and parameters from {@link ShipmentTools}' signatures, descriptions
 * from {@code prompts/tools.properties}, so wording is tuned without touching code.
 */
@Singleton
public class ToolCatalog {
    private final Map<ToolSpecification, ToolExecutor> tools = new LinkedHashMap<>();

    public ToolCatalog(ShipmentTools shipmentTools, Prompts prompts) {
        for (Method method : ShipmentTools.class.getDeclaredMethods()) {
            if (!method.isAnnotationPresent(Tool.class)) {
                continue;
            }
            ToolSpecification spec = ToolSpecifications.toolSpecificationFrom(method);
            ToolSpecification described = spec.toBuilder()
                    .description(prompts.toolDescription(spec.name()))
                    .parameters(described(spec.name(), spec.parameters(), prompts))
                    .build();
            tools.put(described, new DefaultToolExecutor(shipmentTools, method));
        }
    }

    public Map<ToolSpecification, ToolExecutor> tools() {
        return tools;
    }

    private static JsonObjectSchema described(String tool, JsonObjectSchema parameters, Prompts prompts) {
        if (parameters == null) {
            return null;
        }
        JsonObjectSchema.Builder builder = JsonObjectSchema.builder().required(parameters.required());
        parameters.properties().forEach((name, element) ->
                builder.addProperty(name, describe(element, prompts.parameterDescription(tool, name))));
        return builder.build();
    }

    private static JsonSchemaElement describe(JsonSchemaElement element, String description) {
        if (description == null) {
            return element;
        }
        if (element instanceof JsonStringSchema) {
            return JsonStringSchema.builder().description(description).build();
        }
        if (element instanceof JsonBooleanSchema) {
            return JsonBooleanSchema.builder().description(description).build();
        }
        if (element instanceof JsonIntegerSchema) {
            return JsonIntegerSchema.builder().description(description).build();
        }
        return element;
    }
}
