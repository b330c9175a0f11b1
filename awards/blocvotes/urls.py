from django.urls import path

from awards.blocvotes import views

app_name = "blocvotes"

urlpatterns = [
    path("bloc-votes/", views.bloc_vote_list, name="bloc_vote_list"),
    path("blocs/<int:pk>/votes/new/", views.bloc_vote_create, name="bloc_vote_create"),
    path("bloc-votes/<int:pk>/", views.bloc_vote_detail, name="bloc_vote_detail"),
    path("bloc-votes/<int:pk>/open/", views.bloc_vote_open, name="bloc_vote_open"),
    path("bloc-votes/<int:pk>/ballot/", views.bloc_vote_ballot, name="bloc_vote_ballot"),
    path("bloc-votes/<int:pk>/close/", views.bloc_vote_close, name="bloc_vote_close"),
    path("bloc-votes/<int:pk>/next-round/", views.bloc_vote_next_round, name="bloc_vote_next_round"),
    path("bloc-votes/<int:pk>/conclude/", views.bloc_vote_conclude, name="bloc_vote_conclude"),
]
