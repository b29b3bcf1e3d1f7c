/** The expo being prepared and the units (cities and departments) enrolled in its preparation. */
package org.expoflow.commands.expo;
