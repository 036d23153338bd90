package dev.tracelane.boot;

import java.util.Map;

/** The PostgreSQL the service will use: datasource properties, and a line saying which one it is. */
public record Database(Map<String, Object> properties, String description) {
}
