/** The coordination meetings at which leadership reviews an expo's preparation, and what they record. */
package org.expoflow.commands.meeting;
