/** Issuing directives to units and withdrawing them ({@link org.expoflow.workflow.directives.DirectiveWork}). */
package org.expoflow.workflow.directives;
