#include "builtin.h"
int cmd_show(int argc, char **argv) { return 0; }
