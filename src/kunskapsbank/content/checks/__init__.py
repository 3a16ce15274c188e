"""content/checks"""
