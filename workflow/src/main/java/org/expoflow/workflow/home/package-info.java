/** Where each person lands after signing in: a city on its task list, the office on its console, leaders on the board, the administrator on its administration page. */
package org.expoflow.workflow.home;
