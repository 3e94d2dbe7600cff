"""Qt item models over core queries (``*_table_model.py``, ``*_list_model.py``)."""
