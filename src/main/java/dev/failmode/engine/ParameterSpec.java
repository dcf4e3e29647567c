package dev.failmode.engine;

/**
 * A parameter a rule pack declares in its {@code pack.yaml}: a threshold a run can override
 * with {@code --set}.
 *
 * @param defaultValue already parsed by its type (a share of 50% is 0.5)
 * @param written the default as written in {@code pack.yaml}, for docs
 */
public record ParameterSpec(String name, ParameterType type, Object defaultValue, String written, String description) {}
