#ifndef PASBYSCAN_CYAML_SHIM_H
#define PASBYSCAN_CYAML_SHIM_H

#include <yaml.h>

#endif
