from thidua.accounts.permissions import acting_board, board_roles, can_manage_board, is_board_staff


def board(request) -> dict:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    return {
        "current_board": acting_board(user),
        "current_roles": board_roles(user),
        "is_board_staff": is_board_staff(user),
        "can_manage_board": can_manage_board(user),
    }
