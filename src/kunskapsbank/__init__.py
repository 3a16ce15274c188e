"""kunskapsbank: a static knowledge site generator for guidance and case studies."""

__version__ = "0.1.0"
