package org.expoflow.workflow.engine;

import java.util.function.Function;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.el.JuelExpressionManager;
import org.camunda.bpm.engine.impl.el.VariableContextElResolver;
import org.camunda.bpm.engine.impl.el.VariableScopeElResolver;
import org.camunda.bpm.impl.juel.jakarta.el.ArrayELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.CompositeELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.ELContext;
import org.camunda.bpm.impl.juel.jakarta.el.ELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.ListELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.MapELResolver;

/**
 * Evaluates the engine's expressions with what {@link ModelVocabulary} names and nothing else, so that
 * even a model deployed before {@link KindModelCheck} existed cannot reach a class, reflection or an
 * arbitrary bean: an expression resolves its variables (and {@code execution}, {@code task}), entries of
 * maps, lists and arrays it was given, read-only, ExpoFlow's deadline delegates by name, and the variable
 * reads. It never calls a method on an object or reads a property through a getter; Spring's default
 * would resolve every bean of the application and call any method of any object.
 */
class ModelExpressionManager extends JuelExpressionManager {

    private final Function<String, Object> delegates;

    /** @param delegates looks up one of {@link ModelVocabulary#DELEGATES} by name, when first asked for */
    ModelExpressionManager(Function<String, Object> delegates) {
        this.delegates = delegates;
    }

    @Override
    protected ELResolver createElResolver() {
        CompositeELResolver resolver = new CompositeELResolver();
        resolver.add(new VariableScopeElResolver());
        resolver.add(new VariableContextElResolver());
        resolver.add(new DelegatesResolver());
        resolver.add(new VariableReadsResolver());
        resolver.add(new ArrayELResolver(true));
        resolver.add(new ListELResolver(true));
        resolver.add(new MapELResolver(true));
        return resolver;
    }

    /** {@code ${taskDueSoon}} and the other deadline delegates: the only beans a model reaches. */
    private final class DelegatesResolver extends ReadOnlyResolver {
        @Override
        public Object getValue(ELContext context, Object base, Object property) {
            if (base == null && property instanceof String name && ModelVocabulary.DELEGATES.contains(name)) {
                Object delegate = delegates.apply(name);
                context.setPropertyResolved(true);
                return delegate;
            }
            return null;
        }
    }

    /** {@code execution.getVariable('name')}: a variable that may be absent, read without failing. */
    private static final class VariableReadsResolver extends ReadOnlyResolver {
        @Override
        public Object invoke(ELContext context, Object base, Object method, Class<?>[] paramTypes, Object[] params) {
            if (base instanceof VariableScope scope && method instanceof String name
                    && ModelVocabulary.VARIABLE_READS.contains(name) && params != null && params.length == 1
                    && params[0] instanceof String variable) {
                context.setPropertyResolved(true);
                return switch (name) {
                    case "getVariable" -> scope.getVariable(variable);
                    case "getVariableLocal" -> scope.getVariableLocal(variable);
                    case "hasVariable" -> scope.hasVariable(variable);
                    default -> scope.hasVariableLocal(variable);
                };
            }
            return null;
        }
    }

    private abstract static class ReadOnlyResolver extends ELResolver {
        @Override
        public Object getValue(ELContext context, Object base, Object property) {
            return null;
        }

        @Override
        public Class<?> getType(ELContext context, Object base, Object property) {
            return null;
        }

        @Override
        public void setValue(ELContext context, Object base, Object property, Object value) {
            // read-only: a model writes variables through the engine, never through an expression
        }

        @Override
        public boolean isReadOnly(ELContext context, Object base, Object property) {
            return true;
        }

        @Override
        public java.util.Iterator<java.beans.FeatureDescriptor> getFeatureDescriptors(ELContext context, Object base) {
            return null;
        }

        @Override
        public Class<?> getCommonPropertyType(ELContext context, Object base) {
            return base == null ? Object.class : null;
        }
    }
}
