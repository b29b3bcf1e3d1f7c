/** Planning an expo and enrolling the units that prepare it ({@link org.expoflow.workflow.expos.ExpoWork}). */
package org.expoflow.workflow.expos;
